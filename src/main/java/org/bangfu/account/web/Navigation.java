package org.bangfu.account.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.GrantPolicy;
import org.bangfu.account.Role;
import org.bangfu.account.TeamGrants;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;

/**
 * The role-aware navigation of every page: everyone sees the public pages, staff their area and
 * stations. Links appear only for pages the caller may open.
 */
@ControllerAdvice(annotations = Controller.class)
class Navigation {

	/** The administration pages, shown together under one "管理" menu (before "我的账户") so the links fit one row. */
	static final Set<String> ADMIN = Set.of("/stats/dashboard", "/needs/rules", "/staff", "/stations", "/admin/operation-log",
			"/admin/sms-outbox", "/assessment/campaigns", "/units", "/training", "/training/status",
			"/teams/applications", "/teams/work", "/exchange"); // registration drives, training and the teams' pages for staff (issue 17)

	/** A link: the message key of its label and its path. */
	record Item(String labelKey, String href) {
	}

	/**
	 * The page shell's model: the links, the signed-in user, the current path. JSON answers under
	 * /api have no shell, so they skip this work (it ran on every API request otherwise, since
	 * {@code @RestController} is a {@code @Controller} too).
	 */
	@ModelAttribute
	void shell(HttpServletRequest request, Model model) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			return;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		BangfuUser user = auth != null && auth.getPrincipal() instanceof BangfuUser u ? u : null;
		List<Item> items = itemsFor(user);
		model.addAttribute("nav", items.stream().filter(i -> !ADMIN.contains(i.href())).toList());
		model.addAttribute("navAdmin", items.stream().filter(i -> ADMIN.contains(i.href())).toList());
		model.addAttribute("currentUser", user);
		model.addAttribute("currentPath", path);
	}

	static List<Item> itemsFor(BangfuUser user) {
		if (user != null && user.householdOnly()) {
			// a household gets its own few links, none of the donor's tools
			return List.of(new Item("nav.household-home", "/me/household"), new Item("nav.my-needs", "/needs/mine"),
					new Item("nav.notices", "/me/notices"), new Item("nav.me", "/me"));
		}
		List<Item> items = new ArrayList<>();
		items.add(new Item("nav.home", "/"));
		items.add(new Item("nav.regions", "/regions"));
		items.add(new Item("nav.needs", "/needs"));
		items.add(new Item("nav.offers", "/offers"));
		if (user == null || !user.isStaff()) {
			items.add(new Item("nav.fund", "/fund")); // for staff it is in the footer, so their menu keeps to one row
		}
		if (user == null) {
			items.add(new Item("nav.register", "/register"));
			return items;
		}
		user.staffGrants().stream().findFirst()
			.ifPresent(g -> items.add(new Item("nav.my-region", "/regions/" + g.region().code())));
		if (user.isStaff()) {
			items.add(new Item("nav.households", "/households"));
			items.add(new Item("nav.dashboard", "/stats/dashboard")); // the figures of their own area (issue 15)
		}
		if (user.isStaff() || user.has(Role.HOUSEHOLD)) {
			items.add(new Item("nav.my-needs", "/needs/mine"));
		}
		if (!user.isStaff()) {
			items.add(new Item("nav.my-pledges", "/pledges/mine"));
		}
		if (user.has(Role.DONOR)) {
			items.add(new Item("nav.invitations", "/campaigns/invitations"));
		}
		if (user.has(Role.COUNTY_ADMIN) || user.has(Role.CITY_ADMIN)) {
			items.add(new Item("nav.campaigns", "/campaigns"));
		}
		boolean manager = user.has(Role.TOWNSHIP_MANAGER) || user.has(Role.COUNTY_ADMIN) || user.has(Role.CITY_ADMIN);
		if (manager) {
			items.add(new Item("nav.need-queue", "/needs/queue"));
		}
		if (manager) {
			items.add(new Item("nav.reporting", "/assessment/reporting"));
		}
		if (user.has(Role.COUNTY_ADMIN) || user.has(Role.CITY_ADMIN)) {
			items.add(new Item("nav.collection-campaigns", "/assessment/campaigns"));
		}
		if (manager || user.has(Role.SUPERVISOR)) {
			items.add(new Item("nav.need-reports", "/needs/reports"));
		}
		if (user.has(Role.SUPERVISOR) || user.has(Role.COUNTY_ADMIN) || user.has(Role.CITY_ADMIN)) {
			items.add(new Item("nav.audits", "/audits")); // supervision's samples (issue 16)
		}
		if (user.has(Role.AMBASSADOR)) {
			items.add(new Item("nav.ambassador", "/ambassador")); // the ambassador's promotion links (issue 17)
		}
		if (user.has(Role.CITY_ADMIN)) {
			items.add(new Item("nav.need-rules", "/needs/rules"));
		}
		if (user.has(Role.VOLUNTEER)) { // the teams (issue 17); joining is linked from /me, so the donor's menu keeps to one row
			items.add(new Item("nav.team-tasks", "/teams/tasks"));
		}
		if (user.isStaff()) {
			items.add(new Item("nav.team-tasks", "/teams/work")); // the same page, under 管理
		}
		if (user.has(Role.EXPERT)) {
			items.add(new Item("nav.team-advice", "/teams/advice"));
		}
		if (TeamGrants.approvesAnywhere(user)) {
			items.add(new Item("nav.team-applications", "/teams/applications"));
		}
		if (manager) {
			items.add(new Item("nav.units", "/units")); // registration drives' units (issue 17): city, county, township
		}
		if (user.isStaff()) {
			items.add(new Item("nav.staff", "/staff"));
			items.add(new Item("nav.stations", "/stations"));
			items.add(new Item("nav.training", "/training")); // the guide and quiz for officers and managers (issue 17)
		}
		if (user.has(Role.COUNTY_ADMIN) || user.has(Role.CITY_ADMIN) || user.has(Role.TOWNSHIP_MANAGER)) {
			items.add(new Item("nav.training-status", "/training/status"));
		}
		if (GrantPolicy.grantsAnything(user)) {
			items.add(new Item("nav.operation-log", "/admin/operation-log"));
		}
		if (user.has(Role.CITY_ADMIN)) {
			items.add(new Item("nav.sms-outbox", "/admin/sms-outbox"));
			items.add(new Item("nav.exchange", "/exchange")); // links to other nodes (issue 18)
		}
		if (user.has(Role.FUND_STAFF)) {
			items.add(new Item("nav.fund-work", "/fund/work"));
		}
		items.add(new Item("nav.me", "/me"));
		return items;
	}
}
