package org.bangfu.account;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The role-aware navigation of every page: everyone sees the public pages, staff their area and
 * stations. Links appear only for pages the caller may open.
 */
@ControllerAdvice(annotations = Controller.class)
class Navigation {

	/** A link: the message key of its label and its path. */
	record Item(String labelKey, String href) {
	}

	@ModelAttribute("nav")
	List<Item> nav(@AuthenticationPrincipal BangfuUser user) {
		return itemsFor(user);
	}

	@ModelAttribute("currentUser")
	BangfuUser currentUser(@AuthenticationPrincipal BangfuUser user) {
		return user;
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	static List<Item> itemsFor(BangfuUser user) {
		List<Item> items = new ArrayList<>();
		items.add(new Item("nav.home", "/"));
		items.add(new Item("nav.regions", "/regions"));
		items.add(new Item("nav.needs", "/needs"));
		if (user == null) {
			items.add(new Item("nav.register", "/register"));
			return items;
		}
		user.staffGrants().stream().findFirst()
			.ifPresent(g -> items.add(new Item("nav.my-region", "/regions/" + g.region().code())));
		if (user.isStaff()) {
			items.add(new Item("nav.households", "/households"));
		}
		if (user.isStaff() || user.has(Role.HOUSEHOLD)) {
			items.add(new Item("nav.my-needs", "/needs/mine"));
		}
		if (!user.isStaff()) {
			items.add(new Item("nav.my-pledges", "/pledges/mine"));
		}
		boolean manager = user.has(Role.TOWNSHIP_MANAGER) || user.has(Role.COUNTY_ADMIN) || user.has(Role.CITY_ADMIN);
		if (manager) {
			items.add(new Item("nav.need-queue", "/needs/queue"));
		}
		if (manager || user.has(Role.SUPERVISOR)) {
			items.add(new Item("nav.need-reports", "/needs/reports"));
		}
		if (user.has(Role.CITY_ADMIN)) {
			items.add(new Item("nav.need-rules", "/needs/rules"));
		}
		if (user.isStaff()) {
			items.add(new Item("nav.staff", "/staff"));
			items.add(new Item("nav.stations", "/stations"));
		}
		if (GrantPolicy.grantsAnything(user)) {
			items.add(new Item("nav.operation-log", "/admin/operation-log"));
		}
		if (user.has(Role.CITY_ADMIN)) {
			items.add(new Item("nav.sms-outbox", "/admin/sms-outbox"));
		}
		items.add(new Item("nav.me", "/me"));
		return items;
	}
}
