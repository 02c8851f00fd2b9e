package org.bangfu.campaign.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bangfu.account.BangfuUser;
import org.bangfu.campaign.Campaign;
import org.bangfu.campaign.CampaignPlanning;
import org.bangfu.campaign.CampaignProposals;
import org.bangfu.campaign.CampaignReview;
import org.bangfu.campaign.Invitations;
import org.bangfu.need.NeedCategory;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Flash;
import org.bangfu.shared.Money;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign pages: {@code /campaigns} (the organiser's campaigns and a new one), {@code
 * /campaigns/{id}} (donors, the allocation to review, sending, then the answers), and {@code
 * /campaigns/invitations} (a donor's invitations with 接受 and 婉拒). Every POST redirects.
 */
@Controller
class CampaignPages {

	private final CampaignPlanning planning;

	private final Invitations invitations;

	private final CampaignProposals proposals;

	private final Regions regions;

	private final MessageSource messages;

	CampaignPages(CampaignPlanning planning, Invitations invitations, CampaignProposals proposals, Regions regions,
			MessageSource messages) {
		this.planning = planning;
		this.invitations = invitations;
		this.proposals = proposals;
		this.regions = regions;
		this.messages = messages;
	}

	@GetMapping("/campaigns")
	String list(@AuthenticationPrincipal BangfuUser user, Model model) {
		if (!CampaignPlanning.organiser(user)) {
			throw new NotFoundException("error.not-found");
		}
		Map<String, String> regionNames = new HashMap<>();
		List<Campaign> list = planning.list(user);
		list.forEach(c -> regionNames.computeIfAbsent(c.regionCode(), code -> regions.get(RegionCode.parse(code)).name()));
		model.addAttribute("campaigns", list);
		model.addAttribute("regionNames", regionNames);
		model.addAttribute("areas", areas(CampaignPlanning.scopes(user)));
		model.addAttribute("categories", NeedCategory.values());
		return "campaign/campaigns";
	}

	/** The regions to choose from: each scope and the regions one level below it. */
	private List<Region> areas(List<Region> scopes) {
		List<Region> areas = new ArrayList<>();
		for (Region scope : scopes) {
			areas.add(scope);
			regions.children(scope.regionCode(), null).forEach(node -> areas.add(node.region()));
		}
		return areas;
	}

	@PostMapping("/campaigns")
	String create(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String name,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) List<NeedCategory> categories,
			RedirectAttributes redirect) {
		long[] id = {0};
		Flash.attempt(redirect, messages, "campaignpage.created-done",
				() -> id[0] = planning.create(user, new CampaignPlanning.NewCampaign(name, regionCode, categories)));
		if (id[0] == 0) {
			redirect.addFlashAttribute("name", name);
			return "redirect:/campaigns";
		}
		return "redirect:/campaigns/" + id[0];
	}

	@GetMapping("/campaigns/{id}")
	String one(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		CampaignProposals.Proposal proposal = proposals.of(user, id);
		CampaignReview review = proposal.review();
		Region region = regions.get(RegionCode.parse(review.campaign().regionCode()));
		model.addAttribute("areaNames", proposal.areaNames());
		model.addAttribute("review", review);
		model.addAttribute("c", review.campaign());
		model.addAttribute("rows", proposal.rows());
		model.addAttribute("dropped", proposal.dropped());
		model.addAttribute("needCount", proposal.needCount());
		model.addAttribute("shown", CampaignProposals.SHOWN);
		model.addAttribute("areas", areas(List.of(region)));
		model.addAttribute("categories", NeedCategory.values());
		return "campaign/campaign";
	}

	@PostMapping("/campaigns/{id}/donors")
	String putDonor(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String phone,
			@RequestParam(required = false) String budget, @RequestParam(required = false) List<NeedCategory> categories,
			@RequestParam(required = false) String regionCode, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "campaignpage.donor-saved", () -> planning.putDonor(user, id, new CampaignPlanning.DonorShape(phone,
				budgetFen(budget), categories, regionCode == null || regionCode.isBlank() ? List.of() : List.of(regionCode))));
		return "redirect:/campaigns/" + id + "#donors";
	}

	private static Long budgetFen(String yuan) {
		if (yuan == null || yuan.isBlank()) {
			throw new BadInputException("campaign.budget");
		}
		try {
			return Money.fen(yuan);
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("campaign.budget");
		}
	}

	@PostMapping("/campaigns/{id}/donors/{donorId}/remove")
	String removeDonor(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long donorId, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "campaignpage.donor-removed", () -> planning.removeDonor(user, id, donorId));
		return "redirect:/campaigns/" + id + "#donors";
	}

	@PostMapping("/campaigns/{id}/allocate")
	String allocate(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "campaignpage.allocated", () -> planning.allocate(user, id));
		return "redirect:/campaigns/" + id + "#plan";
	}

	@PostMapping("/campaigns/{id}/needs/{needId}/drop")
	String drop(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long needId, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "campaignpage.dropped-done", () -> planning.drop(user, id, needId));
		return "redirect:/campaigns/" + id + "#plan";
	}

	@PostMapping("/campaigns/{id}/send")
	String send(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) Integer respondDays,
			RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "campaignpage.sent", () -> planning.send(user, id, respondDays));
		return "redirect:/campaigns/" + id;
	}

	// --- the donor's side -------------------------------------------------------------------------

	@GetMapping("/campaigns/invitations")
	String invitations(@AuthenticationPrincipal BangfuUser user, Model model) {
		model.addAttribute("invitations", invitations.of(user));
		return "campaign/invitations";
	}

	@PostMapping("/campaigns/invitations/{id}/accept")
	String accept(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) org.bangfu.fund.IfUnfunded ifUnfunded,
			@RequestParam(required = false) boolean anonymous, RedirectAttributes redirect) {
		// the money form says what happens if the need ends unfunded; its answer is a gift, not a pledge
		Flash.attempt(redirect, messages, ifUnfunded == null ? "campaignpage.accepted" : "campaignpage.money.accepted",
				() -> invitations.accept(user, id, ifUnfunded == null ? null : new Invitations.MoneyChoice(ifUnfunded, anonymous)));
		return "redirect:/campaigns/invitations#invitation-" + id;
	}

	@PostMapping("/campaigns/invitations/{id}/decline")
	String decline(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "campaignpage.declined", () -> invitations.decline(user, id, reason));
		return "redirect:/campaigns/invitations#invitation-" + id;
	}
}
