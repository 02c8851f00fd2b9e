package org.bangfu.team.web;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.bangfu.account.BangfuUser;
import org.bangfu.team.Training;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * A gentle reminder on the work pages where officers and managers land (LandingPage) while their training is not
 * completed: one link under the header (fragments/layout), one lookup on those pages only.
 */
@ControllerAdvice(annotations = Controller.class)
class TrainingReminder {

	private static final Set<String> WORK_PAGES = Set.of("/needs/mine", "/needs/queue");

	private final Training training;

	TrainingReminder(Training training) {
		this.training = training;
	}

	@ModelAttribute
	void remind(HttpServletRequest request, Model model) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!WORK_PAGES.contains(path)) {
			return;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof BangfuUser user && Training.counted(user)
				&& training.completedAt(user.id()).isEmpty()) {
			model.addAttribute("trainingReminder", true);
		}
	}
}
