package org.bangfu.team.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.shared.BadInputException;
import org.bangfu.team.Training;
import org.bangfu.team.TrainingQuiz;
import org.bangfu.team.TrainingStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Training's API: the quiz (questions without their answers), an attempt, and who has been trained in a region. */
@RestController
@RequestMapping("/api/v1/training")
@Tag(name = "training", description = "培训：信息员和管理员的操作指南测验、培训完成情况")
class TrainingApiController {

	private final Training training;

	private final TrainingStatus status;

	private final MessageSource messages;

	TrainingApiController(Training training, TrainingStatus status, MessageSource messages) {
		this.training = training;
		this.status = status;
		this.messages = messages;
	}

	record Option(String id, String text) {
	}

	record Question(String id, int step, String text, List<Option> options) {
	}

	record Quiz(int passMark, List<Question> questions) {
	}

	@GetMapping("/quiz")
	@Operation(summary = "培训测验的题目（不含答案）", description = "单选题；passMark 为及格线（百分比）。")
	Quiz quiz() {
		Locale locale = LocaleContextHolder.getLocale();
		return new Quiz(TrainingQuiz.PASS_MARK, TrainingQuiz.QUESTIONS.stream()
			.map(q -> new Question(q.id(), q.step(), text(q.key(), locale),
					q.options().stream().map(o -> new Option(o, text(q.optionKey(o), locale))).toList()))
			.toList());
	}

	record Answers(Map<String, String> answers) {
	}

	@PostMapping("/quiz")
	@Operation(summary = "提交测验答案", description = "{\"answers\":{\"q1\":\"b\",...}}，每题必答。返回得分（百分比）、是否及格、答错的题号；"
			+ "每次提交都有记录，第一次及格即为完成培训。每个账号每小时最多 10 次，超限 429。")
	Training.Result answer(@AuthenticationPrincipal BangfuUser user, @RequestBody(required = false) Answers body) {
		if (body == null) {
			throw new BadInputException("training.quiz.answers-required");
		}
		return training.take(user, body.answers());
	}

	@GetMapping("/status")
	@Operation(summary = "培训完成情况", description = "regionCode 为本人范围内的区划（空则为本人范围）；县：各乡镇的人员名单和培训日期；市：各县的人数和培训比例。"
			+ "范围以外的区划 404。")
	TrainingStatus.Report status(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String regionCode) {
		return status.of(user, regionCode);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
