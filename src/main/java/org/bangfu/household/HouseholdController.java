package org.bangfu.household;

import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@Tag(name = "households", description = "建档立卡贫困户（工作人员，按管辖范围，脱敏）")
class HouseholdController {

	private final Households households;

	private final HouseholdAccounts householdAccounts;

	private final Regions regions;

	private final MessageSource messages;

	HouseholdController(Households households, HouseholdAccounts householdAccounts, Regions regions, MessageSource messages) {
		this.households = households;
		this.householdAccounts = householdAccounts;
		this.regions = regions;
		this.messages = messages;
	}

	private Region scope(BangfuUser user, String region) {
		if (!user.isStaff()) {
			throw new BadInputException(403, "error.forbidden");
		}
		return user.scopeFor(region == null || region.isBlank() ? null : regions.get(RegionCode.parse(region)));
	}

	// --- API ---------------------------------------------------------------------------------

	@GetMapping("/api/v1/households")
	@ResponseBody
	@Operation(summary = "范围内的贫困户（脱敏）", description = "region 须在管辖范围内，否则 404；未注册的在前，每页 100 户。",
			security = @SecurityRequirement(name = "bearer"))
	List<Household> list(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page) {
		return households.within(scope(user, region), page);
	}

	record ProxyRequest(String phone) {
	}

	@PostMapping("/api/v1/households/{id}/account")
	@ResponseBody
	@Operation(summary = "工作人员代贫困户注册账户", description = "phone 可选（贫困户能收短信的手机号）。", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Household> registerByOfficer(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestBody(required = false) ProxyRequest request) {
		householdAccounts.registerByOfficer(user, id, request == null ? null : request.phone());
		return ResponseEntity.status(HttpStatus.CREATED).body(households.find(id, scope(user, null)).orElseThrow());
	}

	@PostMapping("/api/v1/auth/register-household")
	@ResponseBody
	@Operation(summary = "贫困户自助注册或认领代注册账户", description = "按户主身份证号和姓名在建档立卡名册中匹配。")
	ResponseEntity<Registered> registerSelf(@RequestBody HouseholdAccounts.SelfRegistration form) {
		if (form == null) {
			throw new BadInputException("error.malformed-request");
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(new Registered(householdAccounts.registerSelf(form)));
	}

	record Registered(long accountId) {
	}

	// --- pages -------------------------------------------------------------------------------

	@GetMapping("/households")
	String page(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Region scope = scope(user, region);
		model.addAttribute("scope", scope);
		model.addAttribute("households", households.within(scope, page));
		model.addAttribute("page", page);
		return "household/households";
	}

	@PostMapping("/households/{id}/account")
	String registerByOfficerPage(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestParam(required = false) String phone, RedirectAttributes redirect) {
		try {
			householdAccounts.registerByOfficer(user, id, phone);
			redirect.addFlashAttribute("notice", messages.getMessage("household.proxy.done", null, LocaleContextHolder.getLocale()));
		}
		catch (BadInputException e) {
			if (e.status() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
		}
		return "redirect:/households";
	}

	@GetMapping("/register/household")
	String selfForm(Model model) {
		model.addAttribute("form", new HouseholdAccounts.SelfRegistration("", "", "", "", ""));
		return "household/register";
	}

	@PostMapping("/register/household")
	String self(@ModelAttribute HouseholdAccounts.SelfRegistration form, Model model, jakarta.servlet.http.HttpServletResponse response) {
		try {
			householdAccounts.registerSelf(form);
			return "redirect:/login?registered";
		}
		catch (BadInputException e) {
			response.setStatus(e.status());
			model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
			model.addAttribute("form", new HouseholdAccounts.SelfRegistration(form.phone(), "", "", form.name(), form.idNumber()));
			return "household/register";
		}
	}
}
