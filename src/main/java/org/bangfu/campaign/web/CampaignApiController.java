package org.bangfu.campaign.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.campaign.Campaign;
import org.bangfu.campaign.CampaignPlanning;
import org.bangfu.campaign.CampaignReview;
import org.bangfu.campaign.Campaigns;
import org.bangfu.campaign.Invitations;
import org.bangfu.need.NeedCategory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Campaigns (帮扶活动): staff plan and send pledge invitations; donors answer them. */
@RestController
@Tag(name = "campaigns", description = "帮扶活动：选定地区和类别的开放需求与一组有预算的捐赠者，系统提出分配方案（每项需求全额满足），"
		+ "工作人员审核后发出认领邀请；捐赠者接受即成为认领")
class CampaignApiController {

	private final CampaignPlanning planning;

	private final Invitations invitations;

	CampaignApiController(CampaignPlanning planning, Invitations invitations) {
		this.planning = planning;
		this.invitations = invitations;
	}

	record Created(long id) {
	}

	/** A campaign's summary as the API shows it. */
	record Summary(long id, String name, String regionCode, List<NeedCategory> categories, String state, Instant createdAt,
			Integer candidateNeeds, Long candidateValueFen, Long fractionalBoundFen, Long roundingLossFen, Instant sentAt, Instant respondBy) {

		static Summary of(Campaign c) {
			Campaign.Outcome o = c.outcome();
			return new Summary(c.id(), c.name(), c.regionCode(), c.categories(), c.state().name(), c.createdAt(),
					o == null ? null : o.candidateNeeds(), o == null ? null : o.candidateValueFen(), o == null ? null : o.fractionalBoundFen(),
					o == null ? null : o.roundingLossFen(), c.sentAt(), c.respondBy());
		}
	}

	record DonorShown(long donorId, String name, long budgetFen, List<NeedCategory> categories, List<String> regionPrefixes, long askedFen,
			int needs) {
	}

	/** {@code moneyPosition} set: an invitation to give {@code valueFen} to that money line through the fund ({@code giftId} once accepted). */
	record InvitationShown(long id, long needId, long donorId, Map<Integer, Integer> items, long valueFen, String state, Long pledgeId,
			Integer moneyPosition, Long giftId) {
	}

	/** Counts and values by invitation state. */
	record StateTotal(int count, long valueFen) {
	}

	record Detail(Summary campaign, List<DonorShown> donors, int proposedNeeds, long proposedValueFen, double shareOfBound,
			Map<String, StateTotal> byState, List<InvitationShown> invitations) {
	}

	@PostMapping("/api/v1/campaigns")
	@Operation(summary = "新建帮扶活动（市、县管理员，限本辖区）", description = "name、regionCode（活动地区）、categories（需求类别，空为全部）。",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Created> create(@AuthenticationPrincipal BangfuUser user, @RequestBody(required = false) CampaignPlanning.NewCampaign body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(planning.create(user, body)));
	}

	@GetMapping("/api/v1/campaigns")
	@Operation(summary = "本辖区的帮扶活动", security = @SecurityRequirement(name = "bearer"))
	List<Summary> list(@AuthenticationPrincipal BangfuUser user) {
		return planning.list(user).stream().map(Summary::of).toList();
	}

	@GetMapping("/api/v1/campaigns/{id}")
	@Operation(summary = "一个帮扶活动：捐赠者、分配方案与邀请", security = @SecurityRequirement(name = "bearer"))
	Detail one(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		return detail(planning.review(user, id));
	}

	static Detail detail(CampaignReview r) {
		Map<String, StateTotal> byState = new java.util.LinkedHashMap<>();
		r.byState().forEach((state, sum) -> byState.put(state.name(), new StateTotal((int) sum[0], sum[1])));
		return new Detail(Summary.of(r.campaign()),
				r.donors().stream().map(d -> new DonorShown(d.donor().donorId(), d.donor().name(), d.donor().budgetFen(), d.donor().categories(),
						d.donor().regionPrefixes(), d.askedFen(), d.needs())).toList(),
				r.proposedNeeds(), r.proposedValueFen(), r.ofBound(), byState,
				r.invitations().stream().map(i -> new InvitationShown(i.id(), i.needId(), i.donorId(), i.byPosition(), i.valueFen(), i.state().name(),
						i.pledgeId(), i.moneyPosition(), i.giftId())).toList());
	}

	@PostMapping("/api/v1/campaigns/{id}/donors")
	@Operation(summary = "加入或修改一位捐赠者", description = "phone（已注册的捐赠者）、budgetFen、categories（空为不限）、"
			+ "regionCodes（空为活动地区内不限）。已有的分配方案作废，需重新计算。", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Created> putDonor(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestBody(required = false) CampaignPlanning.DonorShape body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(planning.putDonor(user, id, body)));
	}

	@DeleteMapping("/api/v1/campaigns/{id}/donors/{donorId}")
	@Operation(summary = "移出一位捐赠者", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Void> removeDonor(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long donorId) {
		planning.removeDonor(user, id, donorId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/campaigns/{id}/allocate")
	@Operation(summary = "计算分配方案", description = "在活动地区和类别的开放需求中，按捐赠者的类别、地区和预算，提出全额满足需求总价值尽量大的方案；"
			+ "fractionalBoundFen 为理论上限。", security = @SecurityRequirement(name = "bearer"))
	Detail allocate(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		planning.allocate(user, id);
		return detail(planning.review(user, id));
	}

	@PostMapping("/api/v1/campaigns/{id}/needs/{needId}/drop")
	@Operation(summary = "从方案中去掉一项需求", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Void> drop(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long needId) {
		planning.drop(user, id, needId);
		return ResponseEntity.noContent().build();
	}

	record SendShape(Integer respondDays) {
	}

	@PostMapping("/api/v1/campaigns/{id}/send")
	@Operation(summary = "发出认领邀请", description = "respondDays：捐赠者答复期限（天，默认 7，最多 30）。", security = @SecurityRequirement(name = "bearer"))
	Detail send(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) SendShape body) {
		planning.send(user, id, body == null ? null : body.respondDays());
		return detail(planning.review(user, id));
	}

	@GetMapping("/api/v1/me/invitations")
	@Operation(summary = "捐赠者：收到的认领邀请", security = @SecurityRequirement(name = "bearer"))
	List<Invitations.Shown> mine(@AuthenticationPrincipal BangfuUser user) {
		return invitations.of(user);
	}

	/** A pledge (goods), or a gift through the fund with the reference code to quote on the transfer (a money line). */
	record Accepted(Long pledgeId, Long giftId, String referenceCode) {
	}

	@PostMapping("/api/v1/invitations/{id}/accept")
	@Operation(summary = "接受邀请：生成认领，或（资金项）经基金会的定向捐赠", description = "201 为新认领或捐赠；重复接受答 200 和同一结果。"
			+ "资金项须给出 ifUnfunded（REFUND 退回 / POOL 转入基金池），可选 anonymous；答复含捐赠的汇款附言码 referenceCode。",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Accepted> accept(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestBody(required = false) Invitations.MoneyChoice body) {
		Invitations.Accepted a = invitations.accept(user, id, body);
		return ResponseEntity.status(a.created() ? HttpStatus.CREATED : HttpStatus.OK).body(new Accepted(a.pledgeId(), a.giftId(), a.referenceCode()));
	}

	record DeclineShape(String reason) {
	}

	@PostMapping("/api/v1/invitations/{id}/decline")
	@Operation(summary = "婉拒邀请", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Void> decline(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) DeclineShape body) {
		invitations.decline(user, id, body == null ? null : body.reason());
		return ResponseEntity.noContent().build();
	}
}
