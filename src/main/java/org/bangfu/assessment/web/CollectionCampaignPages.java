package org.bangfu.assessment.web;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.assessment.CollectionCampaignSetup;
import org.bangfu.need.NeedCategory;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
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

/** The collection campaigns page: the list, and for the city office or a county centre the form and the launch buttons. */
@Controller
class CollectionCampaignPages {

	private final CollectionCampaignSetup setup;

	private final Regions regions;

	private final MessageSource messages;

	CollectionCampaignPages(CollectionCampaignSetup setup, Regions regions, MessageSource messages) {
		this.setup = setup;
		this.regions = regions;
		this.messages = messages;
	}

	/** The form's fields, kept across a refused submission so the user corrects rather than retypes. */
	record Form(String name, String regionCode, String startsOn, String deadline, List<String> categories, Integer poorVillageQuota,
			Integer otherVillageQuota, Integer townshipQuota, Integer monthlyMin, Integer monthlyMax, Integer townshipMonthly, Integer timelyDays,
			Boolean holds, String launchAt) implements java.io.Serializable {

		CollectionCampaignSetup.NewCollectionCampaign toNew() {
			return new CollectionCampaignSetup.NewCollectionCampaign(name, regionCode, startsOn, deadline, categories, poorVillageQuota,
					otherVillageQuota, townshipQuota, monthlyMin, monthlyMax, townshipMonthly, timelyDays, holds, launchAt);
		}
	}

	@GetMapping("/assessment/campaigns")
	String page(@AuthenticationPrincipal BangfuUser user, Model model) {
		if (!user.isStaff()) {
			throw new NotFoundException("error.not-found");
		}
		model.addAttribute("campaigns", setup.list(user));
		boolean configures = CollectionCampaignSetup.configures(user);
		model.addAttribute("configures", configures);
		if (configures) {
			List<Region> areas = new ArrayList<>();
			for (Region r : CollectionCampaignSetup.areas(user)) {
				areas.add(r);
				regions.children(r.regionCode(), null).stream().map(Regions.RegionNode::region)
					.filter(c -> c.level() != org.bangfu.region.RegionLevel.VILLAGE).forEach(areas::add);
			}
			model.addAttribute("areas", areas);
			model.addAttribute("allCategories", NeedCategory.values());
			if (!model.containsAttribute("form")) {
				model.addAttribute("form", new Form(null, null, null, null, List.of("MEDICAL", "EDUCATION", "HOUSING"), 20, 0, 20, 2, 5, 10, 5, false,
						null));
			}
		}
		return "assessment/campaigns";
	}

	@PostMapping("/assessment/campaigns")
	String create(@AuthenticationPrincipal BangfuUser user, @ModelAttribute Form form, RedirectAttributes redirect) {
		try {
			long id = setup.create(user, form.toNew());
			redirect.addFlashAttribute("notice", text("collection-campaign.created"));
			return "redirect:/assessment/campaigns#campaign-" + id;
		}
		catch (BadInputException e) {
			if (e instanceof NotFoundException && !"region.not-found".equals(e.messageKey())) {
				throw e;
			}
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
			redirect.addFlashAttribute("form", form);
			return "redirect:/assessment/campaigns#campaign-form";
		}
	}

	@PostMapping("/assessment/campaigns/{id}/launch")
	String launch(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestParam(required = false) String at,
			RedirectAttributes redirect) {
		org.bangfu.shared.Flash.attempt(redirect, messages, "collection-campaign.launch.set", () -> setup.launch(user, id, at));
		return "redirect:/assessment/campaigns#campaign-" + id;
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
