package org.bangfu.household.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.bangfu.account.BangfuUser;
import org.bangfu.household.Consent;
import org.bangfu.household.Consents;
import org.bangfu.household.Household;
import org.bangfu.household.HouseholdAccounts;
import org.bangfu.household.Households;
import org.bangfu.household.PersonalDataViews;
import org.bangfu.household.Member;
import org.bangfu.region.Region;
import org.bangfu.shared.BadInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** The registry for staff: households in scope, their members (masked), consent, coverage; and household registration. */
@Controller
@Tag(name = "households", description = "建档立卡贫困户（工作人员，按管辖范围，脱敏）")
class HouseholdApiController {

	private final Households households;

	private final HouseholdAccounts householdAccounts;

	private final Consents consents;

	private final PersonalDataViews personalDataViews;

	HouseholdApiController(Households households, HouseholdAccounts householdAccounts, Consents consents,
			PersonalDataViews personalDataViews) {
		this.personalDataViews = personalDataViews;
		this.households = households;
		this.householdAccounts = householdAccounts;
		this.consents = consents;
	}

	// --- the households API ---------------------------------------------------------------------------------

	@GetMapping("/api/v1/households")
	@ResponseBody
	@Operation(summary = "范围内的贫困户（脱敏）", description = "region 须在管辖范围内，否则 404；q 按成员姓名片段或完整身份证号查找；"
			+ "unregistered=true 只列未注册的；每页 100 户，未注册的在前。", security = @SecurityRequirement(name = "bearer"))
	List<Household> list(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean unregistered,
			@RequestParam(defaultValue = "0") int page) {
		return households.within(households.staffScope(user, region), q, unregistered, page);
	}

	record HouseholdDetail(Household household, List<Member> members, List<Consent> consents) {
	}

	@GetMapping("/api/v1/households/{id}")
	@ResponseBody
	@Operation(summary = "一户的详情：成员（脱敏）与同意记录", security = @SecurityRequirement(name = "bearer"))
	HouseholdDetail detail(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		Household h = households.inScopeOf(user, id);
		return new HouseholdDetail(h, households.members(id), consents.of(id));
	}

	record Revealed(String value) {
	}

	@PostMapping("/api/v1/households/{id}/members/{memberId}/reveal")
	@ResponseBody
	@Operation(summary = "查看成员完整身份证号（记录查看日志）", security = @SecurityRequirement(name = "bearer"))
	Revealed revealId(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long memberId, HttpServletRequest request) {
		return new Revealed(personalDataViews.reveal(user, id, memberId, "ID_NUMBER", request.getRemoteAddr()));
	}

	@PostMapping("/api/v1/households/{id}/phone/reveal")
	@ResponseBody
	@Operation(summary = "查看户的完整联系电话（记录查看日志）", security = @SecurityRequirement(name = "bearer"))
	Revealed revealPhone(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, HttpServletRequest request) {
		return new Revealed(personalDataViews.reveal(user, id, null, "PHONE", request.getRemoteAddr()));
	}

	@GetMapping("/api/v1/households/coverage")
	@ResponseBody
	@Operation(summary = "注册覆盖率：名册户数与已有平台账户的户数，按下一级区划", security = @SecurityRequirement(name = "bearer"))
	CoverageView coverage(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region) {
		Region scope = households.staffScope(user, region);
		return new CoverageView(households.coverageOf(scope), households.coverageBelow(scope));
	}

	record CoverageView(Households.Coverage total, List<Households.Coverage> units) {
	}

	@PostMapping(path = "/api/v1/households/{id}/consents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseBody
	@Operation(summary = "登记同意：代发需求、公开照片和/或宣传报道（publicity）；方式为签字照片、手印照片或第二名工作人员见证", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Consent> addConsent(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean postOnBehalf, @RequestParam(defaultValue = "false") boolean publishPhotos,
			@RequestParam(required = false) String method, @RequestParam(required = false) LocalDate givenOn,
			@RequestParam(required = false) String witnessPhone, @RequestParam(required = false) MultipartFile photo,
			@RequestParam(defaultValue = "false") boolean publicity) throws IOException {
		long consentId = recordConsent(consents, user, id, postOnBehalf, publishPhotos, method, givenOn, witnessPhone, photo, publicity);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(consents.of(id).stream().filter(c -> c.id() == consentId).findFirst().orElseThrow());
	}

	@PostMapping("/api/v1/households/{id}/consents/{consentId}/revoke")
	@ResponseBody
	@Operation(summary = "撤回同意", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Void> revokeConsent(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long consentId) {
		consents.revoke(user, id, consentId);
		return ResponseEntity.noContent().build();
	}

	/** Parses the consent form (the same fields on the page and in the API) and records it. */
	static long recordConsent(Consents consents, BangfuUser user, long id, boolean postOnBehalf, boolean publishPhotos, String method, LocalDate givenOn,
			String witnessPhone, MultipartFile photo, boolean publicity) throws IOException {
		Consent.Method m;
		try {
			m = Consent.Method.valueOf(method == null ? "" : method);
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("consent.method-required");
		}
		boolean hasPhoto = photo != null && !photo.isEmpty();
		return consents.record(user, id, new Consents.NewConsent(postOnBehalf, publishPhotos, m, givenOn, witnessPhone, publicity),
				hasPhoto ? photo.getInputStream() : null, hasPhoto ? photo.getSize() : 0);
	}

	record ProxyRequest(String phone) {
	}

	@PostMapping("/api/v1/households/{id}/account")
	@ResponseBody
	@Operation(summary = "工作人员代贫困户注册账户", description = "phone 可选（贫困户能收短信的手机号）。", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Household> registerByOfficer(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestBody(required = false) ProxyRequest request) {
		householdAccounts.registerByOfficer(user, id, request == null ? null : request.phone());
		return ResponseEntity.status(HttpStatus.CREATED).body(households.inScopeOf(user, id));
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
}
