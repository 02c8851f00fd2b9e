package org.bangfu.team.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bangfu.account.BangfuUser;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.team.Training;
import org.bangfu.team.TrainingGuide;
import org.bangfu.team.TrainingQuiz;
import org.bangfu.team.TrainingStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The training pages: the guide's overview and its steps (phone first), the quiz, and who has been trained. */
@Controller
class TrainingPages {

	private final Training training;

	private final TrainingStatus status;

	private final MessageSource messages;

	TrainingPages(Training training, TrainingStatus status, MessageSource messages) {
		this.training = training;
		this.status = status;
		this.messages = messages;
	}

	@GetMapping("/training")
	String guide(@AuthenticationPrincipal BangfuUser user, Model model) {
		model.addAttribute("steps", TrainingGuide.STEPS);
		mine(user, model);
		return "team/training-guide";
	}

	@GetMapping("/training/steps/{number}")
	String step(@AuthenticationPrincipal BangfuUser user, @PathVariable String number, Model model) {
		int n;
		try {
			n = Integer.parseInt(number);
		}
		catch (NumberFormatException e) {
			throw new NotFoundException("training.step.not-found");
		}
		model.addAttribute("step", TrainingGuide.step(n).orElseThrow(() -> new NotFoundException("training.step.not-found")));
		model.addAttribute("steps", TrainingGuide.STEPS);
		model.addAttribute("last", TrainingGuide.STEPS.size());
		mine(user, model);
		return "team/training-step";
	}

	@GetMapping("/training/quiz")
	String quiz(@AuthenticationPrincipal BangfuUser user, Model model) {
		model.addAttribute("questions", TrainingQuiz.QUESTIONS);
		if (!model.containsAttribute("given")) {
			model.addAttribute("given", Map.of());
		}
		mine(user, model);
		return "team/training-quiz";
	}

	/** The form's fields are the question ids (q1…); anything else in the request (the CSRF token) is not an answer. */
	@PostMapping("/training/quiz")
	String answer(@AuthenticationPrincipal BangfuUser user, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		Map<String, String> answers = new LinkedHashMap<>();
		form.forEach((k, v) -> {
			if (k.matches("q\\d+")) {
				answers.put(k, v);
			}
		});
		try {
			redirect.addFlashAttribute("result", training.take(user, answers));
		}
		catch (BadInputException e) {
			if (e instanceof NotFoundException) {
				throw e;
			}
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
			redirect.addFlashAttribute("given", answers);
		}
		return "redirect:/training/quiz";
	}

	@GetMapping("/training/status")
	String status(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region, Model model) {
		model.addAttribute("report", status.of(user, region));
		return "team/training-status";
	}

	private void mine(BangfuUser user, Model model) {
		model.addAttribute("completedAt", training.completedAt(user.id()).orElse(null));
		model.addAttribute("counted", Training.counted(user));
		model.addAttribute("readsStatus", TrainingStatus.reads(user));
		model.addAttribute("passMark", TrainingQuiz.PASS_MARK);
	}
}
