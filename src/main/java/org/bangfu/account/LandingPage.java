package org.bangfu.account;

/**
 * Where a person lands after logging in on the pages (password or SMS code) when no protected page
 * sent them to the login: where their work is. One function, so a role's landing page is one line.
 */
public final class LandingPage {

	private LandingPage() {
	}

	public static String forUser(BangfuUser user) {
		if (user.has(Role.CITY_ADMIN)) {
			// the city's overview: its needs by state, the most urgent ones, the counties below
			return user.staffGrants().stream().filter(g -> g.role() == Role.CITY_ADMIN).findFirst()
				.map(g -> "/regions/" + g.region().code()).orElse("/me");
		}
		if (user.has(Role.COUNTY_ADMIN) || user.has(Role.TOWNSHIP_MANAGER)) {
			return "/needs/queue";
		}
		if (user.has(Role.VILLAGE_OFFICER)) {
			return "/needs/mine";
		}
		if (user.has(Role.FUND_STAFF)) {
			return "/fund/work"; // covered lines to pay, payments waiting for a second approval, refunds due
		}
		if (user.has(Role.HOUSEHOLD)) {
			return "/me/household"; // its needs, the help on its way, confirming receipt and thanks
		}
		if (user.has(Role.DONOR)) {
			return "/pledges/mine"; // recommended needs and the donor's own pledges on one page
		}
		return "/me";
	}
}
