package org.bangfu.team.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.shared.BadInputException;
import org.bangfu.team.Memberships;
import org.bangfu.team.OrganisationFigures;
import org.bangfu.team.Organisations;
import org.bangfu.team.SocialOrganisation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Social organisations' API: registration, the county's decision, membership, the public figures. */
@RestController
@RequestMapping("/api/v1/organisations")
@Tag(name = "organisations", description = "社会组织与社会扶贫联盟：登记（统一社会信用代码）、县市区审核、成员、集体帮扶统计")
class OrganisationApiController {

	private final Organisations organisations;

	private final Memberships memberships;

	private final OrganisationFigures figures;

	OrganisationApiController(Organisations organisations, Memberships memberships, OrganisationFigures figures) {
		this.organisations = organisations;
		this.memberships = memberships;
		this.figures = figures;
	}

	record Created(long id) {
	}

	record Reason(String reason) {
	}

	record Invite(String phone) {
	}

	/** What anyone may read of an organisation: no contact, no credit code, names of persons masked. */
	record PublicView(long id, String name, String kind, String regionCode, String countyName, String introduction, String state,
			long members, OrganisationFigures.Help help, List<OrganisationFigures.RecentHelp> recent) {
	}

	record Summary(long id, String name, String kind, String regionCode, String countyName, long members) {
	}

	record MemberView(long id, long accountId, String name, String maskedPhone, String state, boolean administrator, Instant joinedAt,
			Instant leftAt, OrganisationFigures.Help help) {
	}

	@PostMapping
	@Operation(summary = "登记社会组织", description = "爱心人士账户登记；kind 为 ALLIANCE、ASSOCIATION 或 OTHER；regionCode 为所在县市区（6 位）；"
			+ "creditCode 为统一社会信用代码（校验位不对 400，已登记过 409）。登记人为首位成员和管理员，等待县市区审核。")
	ResponseEntity<Created> register(@AuthenticationPrincipal BangfuUser user, @RequestBody(required = false) Organisations.Form form) {
		if (form == null) {
			throw new BadInputException("org.name-invalid", 2, 60);
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(organisations.register(user, form)));
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "审核通过（所在县市区管理中心或市办）")
	Map<String, Object> approve(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		organisations.approve(user, id);
		return Map.of("id", id, "state", "APPROVED");
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "不予通过（写明原因）")
	Map<String, Object> reject(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) Reason r) {
		organisations.reject(user, id, r == null ? null : r.reason());
		return Map.of("id", id, "state", "REJECTED");
	}

	@PostMapping("/{id}/members")
	@Operation(summary = "申请加入，或（管理员）按手机号邀请", description = "不带 phone：本人申请加入；带 phone：管理员邀请该手机号的爱心人士。只有已通过审核的组织接收成员。")
	ResponseEntity<Created> member(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) Invite invite) {
		long memberId = memberships.request(user, id, invite == null ? null : invite.phone());
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(memberId));
	}

	@PostMapping("/{id}/members/{memberId}/accept")
	@Operation(summary = "接受：管理员接受申请，被邀请人接受邀请")
	Map<String, Object> accept(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long memberId) {
		memberships.accept(user, id, memberId);
		return Map.of("id", memberId, "state", "ACTIVE");
	}

	@PostMapping("/{id}/members/{memberId}/leave")
	@Operation(summary = "退出（本人）或移出（管理员）；未接受的申请或邀请则撤回")
	Map<String, Object> leave(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long memberId) {
		memberships.leave(user, id, memberId);
		return Map.of("id", memberId, "state", "LEFT");
	}

	@GetMapping("/{id}/members")
	@Operation(summary = "成员及各自加入期间的帮扶（管理员）")
	List<MemberView> members(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		return figures.shares(memberships.all(user, id)).stream()
			.map(s -> new MemberView(s.member().id(), s.member().accountId(), s.name(), s.maskedPhone(), s.member().state().name(),
					s.member().administrator(), s.member().joinedAt(), s.member().leftAt(), s.help()))
			.toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "社会组织的公开信息和帮扶统计", description = "成员在加入期间（及组织自身账户）的认领、帮扶户数、认领和已送达的物资价值（分）、经基金捐款（分）。")
	PublicView get(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		SocialOrganisation o = organisations.visible(user, id);
		return new PublicView(o.id(), o.name(), o.kind().name(), o.regionCode(), organisations.regionName(o.regionCode()), o.introduction(),
				o.state().name(), memberships.activeCount(o.id()), figures.help(o), figures.recent(o, 10));
	}

	@GetMapping
	@Operation(summary = "已通过审核的社会组织", description = "可选 county（6 位县市区代码）。")
	List<Summary> list(@RequestParam(required = false) String county) {
		return organisations.approved(county).stream()
			.map(o -> new Summary(o.id(), o.name(), o.kind().name(), o.regionCode(), organisations.regionName(o.regionCode()),
					memberships.activeCount(o.id())))
			.toList();
	}
}
