package org.bangfu.account.web;

import org.bangfu.shared.web.FailureStatus;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.DonorRegistration;
import org.bangfu.account.DonorType;
import org.bangfu.account.GrantPolicy;
import org.bangfu.account.LandingPage;
import org.bangfu.account.Login;
import org.bangfu.account.MyAccount;
import org.bangfu.account.OperationLog;
import org.bangfu.account.SessionLogin;
import org.bangfu.account.SmsCodes;
import org.bangfu.account.StaffGrants;
import org.bangfu.account.StationAddresses;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.Station;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account pages: login (password or SMS code), donor registration, my account, the staff
 * directory with grant and revoke, and the operation log. Forms post, then redirect (PRG); a refused
 * form is shown again with the reason and what was typed (never the password or code).
 */
@Controller
class AccountPageController {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final org.springframework.security.web.savedrequest.RequestCache SAVED_REQUESTS =
			new org.springframework.security.web.savedrequest.HttpSessionRequestCache();

	private final StationAddresses stationAddresses;

	private final Regions regions;

	private final Login login;

	private final SmsCodes codes;

	private final Accounts accounts;

	private final MyAccount myAccount;

	private final DonorRegistration registration;

	private final StaffGrants grants;

	private final OperationLog log;

	private final MessageSource messages;

	private final Clock clock;

	private final org.bangfu.account.Positions positions;

	AccountPageController(StationAddresses stationAddresses, Regions regions, Login login, SmsCodes codes, Accounts accounts,
			MyAccount myAccount, DonorRegistration registration, StaffGrants grants, OperationLog log, MessageSource messages, Clock clock,
			org.bangfu.account.Positions positions) {
		this.positions = positions;
		this.myAccount = myAccount;
		this.stationAddresses = stationAddresses;
		this.regions = regions;
		this.login = login;
		this.codes = codes;
		this.accounts = accounts;
		this.registration = registration;
		this.grants = grants;
		this.log = log;
		this.messages = messages;
		this.clock = clock;
	}

	private String text(BadInputException e) {
		return messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
	}

	// --- login -------------------------------------------------------------------------------

	@GetMapping("/login")
	String login() {
		return "account/login";
	}

	/** Sends a login or registration code; answered as a small htmx fragment under the button. */
	@PostMapping("/login/sms-code")
	String sendCode(@RequestParam(required = false) String phone, @RequestParam(defaultValue = "LOGIN") String purpose,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			SmsCodes.Purpose p = "REGISTER".equals(purpose) ? SmsCodes.Purpose.REGISTER : SmsCodes.Purpose.LOGIN;
			codes.request(phone, p, request.getRemoteAddr());
			model.addAttribute("ok", true);
			model.addAttribute("message", messages.getMessage("sms.sent", null, LocaleContextHolder.getLocale()));
		}
		catch (BadInputException e) {
			response.setStatus(FailureStatus.of(e).value());
			model.addAttribute("ok", false);
			model.addAttribute("message", text(e));
		}
		return "account/login :: code-status";
	}

	@PostMapping("/login/sms")
	String loginWithCode(@RequestParam(required = false) String phone, @RequestParam(required = false) String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			BangfuUser user = login.withCode(phone, code);
			SessionLogin.signIn(user, request, response, clock);
			// as after a password login: the page that sent the user here wins, else where their work is
			var saved = SAVED_REQUESTS.getRequest(request, response);
			SAVED_REQUESTS.removeRequest(request, response);
			return "redirect:" + (saved != null ? saved.getRedirectUrl() : LandingPage.forUser(user));
		}
		catch (BadInputException e) {
			response.setStatus(FailureStatus.of(e).value());
			model.addAttribute("smsError", text(e));
			model.addAttribute("smsPhone", phone);
			return "account/login";
		}
	}

	// --- registration ------------------------------------------------------------------------

	/**
	 * The form carries where the person came from: {@code ?join=} of the link (a unit's QR code, an ambassador's link),
	 * else what a link followed earlier in this session left ({@link DonorRegistration#JOIN_CODE_ATTRIBUTE}).
	 */
	@GetMapping("/register")
	String registerForm(@RequestParam(name = "join", required = false) String join, HttpServletRequest request, Model model) {
		String joinCode = join;
		if (joinCode == null && request.getSession(false) != null) {
			joinCode = (String) request.getSession(false).getAttribute(DonorRegistration.JOIN_CODE_ATTRIBUTE);
		}
		model.addAttribute("form", new DonorRegistration.Form("", "", "", "INDIVIDUAL", "", "", "", joinCode));
		model.addAttribute("donorTypes", DonorType.values());
		return "account/register";
	}

	@PostMapping("/register")
	String register(@ModelAttribute DonorRegistration.Form form, HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			long id = registration.register(form);
			SessionLogin.signIn(accounts.findById(id).orElseThrow(), request, response, clock);
			return "redirect:/register/welcome";
		}
		catch (BadInputException e) {
			response.setStatus(FailureStatus.of(e).value());
			model.addAttribute("error", text(e));
			boolean codeRefused = e instanceof DonorRegistration.JoinCodeRefused;
			if (codeRefused && request.getSession(false) != null) {
				request.getSession(false).removeAttribute(DonorRegistration.JOIN_CODE_ATTRIBUTE);
			}
			model.addAttribute("form", new DonorRegistration.Form(form.phone(), "", "", form.donorType(), form.name(), form.idNumber(), form.creditCode(),
					codeRefused ? null : form.joinCode()));
			model.addAttribute("donorTypes", DonorType.values());
			return "account/register";
		}
	}

	/** What a new caring person does next: three steps on a phone, and the way to the needs. */
	@GetMapping("/register/welcome")
	String welcome(Model model) {
		model.addAttribute("household", false);
		return "account/welcome";
	}

	/** The same for a registered household: an officer posts its needs, it confirms and thanks. */
	@GetMapping("/register/household/welcome")
	String householdWelcome(Model model) {
		model.addAttribute("household", true);
		return "account/welcome";
	}

	// --- my account --------------------------------------------------------------------------

	@GetMapping("/me")
	String me(@AuthenticationPrincipal BangfuUser user, Model model) {
		model.addAttribute("user", user);
		return "account/me";
	}

	@PostMapping("/me/password")
	String changePassword(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String oldPassword,
			@RequestParam(required = false) String newPassword, RedirectAttributes redirect, HttpServletRequest request) {
		try {
			myAccount.changePassword(user, oldPassword, newPassword, request);
			redirect.addFlashAttribute("notice", messages.getMessage("me.password.changed", null, LocaleContextHolder.getLocale()));
		}
		catch (BadInputException e) {
			redirect.addFlashAttribute("passwordError", text(e));
		}
		return "redirect:/me";
	}

	@PostMapping("/me/logout-all")
	String logoutEverywhere(@AuthenticationPrincipal BangfuUser user, HttpServletRequest request) {
		myAccount.logOutEverywhere(user);
		request.getSession().invalidate();
		return "redirect:/login?loggedOutEverywhere";
	}

	// --- staff -------------------------------------------------------------------------------

	/** The stations in the caller's scopes: the organisation a staff member works in. */
	@GetMapping("/stations")
	String stations(@AuthenticationPrincipal BangfuUser user, Model model) {
		List<Station> within = stationAddresses.within(user);
		model.addAttribute("stations", within);
		model.addAttribute("editable", within.stream().filter(s -> StationAddresses.mayEdit(user, s)).map(Station::id).toList());
		model.addAttribute("closable", within.stream().filter(s -> org.bangfu.account.StationClosing.mayClose(user, s)).map(Station::id).toList());
		model.addAttribute("seats", positions.seatsOf(within));
		return "account/stations";
	}

	@GetMapping("/staff")
	String staff(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Region scope = user.scopeFor(region == null || region.isBlank() ? null : regions.get(RegionCode.parse(region)));
		model.addAttribute("scope", scope);
		model.addAttribute("members", grants.directory(user, scope.code(), page));
		model.addAttribute("page", page);
		model.addAttribute("canGrant", GrantPolicy.grantsAnything(user));
		model.addAttribute("grantableRoles", GrantPolicy.offeredRoles(user));
		model.addAttribute("positions", org.bangfu.account.Position.values());
		return "account/staff";
	}

	@PostMapping("/staff/grants")
	String grant(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String name, @RequestParam(required = false) String role,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String position, RedirectAttributes redirect) {
		try {
			StaffGrants.StaffMember m = grants.grant(user, phone, name, role, regionCode, position);
			redirect.addFlashAttribute("notice", messages.getMessage("staff.granted",
					new Object[] { m.name(), messages.getMessage("role." + m.role(), null, LocaleContextHolder.getLocale()), m.regionName() },
					LocaleContextHolder.getLocale()));
		}
		catch (BadInputException e) {
			redirect.addFlashAttribute("grantError", text(e));
			redirect.addFlashAttribute("typed", new String[] { phone, name, role, regionCode, position });
		}
		redirect.addAttribute("region", scope == null ? "" : scope);
		return "redirect:/staff";
	}

	@PostMapping("/staff/grants/{id}/revoke")
	String revoke(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String scope,
			RedirectAttributes redirect) {
		try {
			grants.revoke(user, id);
			redirect.addFlashAttribute("notice", messages.getMessage("staff.revoked", null, LocaleContextHolder.getLocale()));
		}
		catch (BadInputException e) {
			if (FailureStatus.of(e).value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("grantError", text(e));
		}
		redirect.addAttribute("region", scope == null ? "" : scope);
		return "redirect:/staff";
	}

	@GetMapping("/admin/operation-log")
	String operationLog(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, Model model) {
		List<OperationLog.Entry> entries = log.readableBy(user, region, page);
		model.addAttribute("entries", OperationLogView.lines(entries, messages, LocaleContextHolder.getLocale()));
		model.addAttribute("page", page);
		model.addAttribute("region", region == null ? "" : region);
		return "account/operation-log";
	}
}
