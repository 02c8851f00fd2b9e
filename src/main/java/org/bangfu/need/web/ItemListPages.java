package org.bangfu.need.web;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.need.CityItemLists;
import org.bangfu.need.ItemListText;
import org.bangfu.need.ItemLists;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The city's item lists next to the category rules: non-essential goods, brands, item kinds with their words and prices,
 * each edited as text, one entry a line. A refused save comes back with the reason and the text as it was typed.
 */
@Controller
class ItemListPages {

	private final CityItemLists lists;

	private final MessageSource messages;

	ItemListPages(CityItemLists lists, MessageSource messages) {
		this.lists = lists;
		this.messages = messages;
	}

	@GetMapping("/needs/rules/lists")
	String page(@AuthenticationPrincipal BangfuUser user, Model model) {
		ItemLists current = lists.current();
		model.addAttribute("editable", user.has(Role.CITY_ADMIN));
		if (!model.containsAttribute("goods")) {
			model.addAttribute("goods", ItemListText.goodsText(current.goods()));
		}
		if (!model.containsAttribute("brands")) {
			model.addAttribute("brands", ItemListText.brandsText(current.brands()));
		}
		if (!model.containsAttribute("kinds")) {
			model.addAttribute("kinds", ItemListText.kindsText(current.kinds()));
		}
		model.addAttribute("knownKinds", String.join("、", lists.knownKinds()));
		return "need/lists";
	}

	@PostMapping("/needs/rules/lists/{list}")
	String save(@AuthenticationPrincipal BangfuUser user, @PathVariable String list, @RequestParam(defaultValue = "") String text,
			RedirectAttributes redirect) {
		try {
			switch (list) {
				case "goods" -> lists.replaceGoods(user, text);
				case "brands" -> lists.replaceBrands(user, text);
				case "kinds" -> lists.replaceKinds(user, text);
				default -> throw new NotFoundException("need.list.not-found");
			}
			redirect.addFlashAttribute("notice", text("need.list.saved"));
		}
		catch (BadInputException e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
			redirect.addFlashAttribute("errorList", list);
			redirect.addFlashAttribute(list, text);
		}
		return "redirect:/needs/rules/lists#list-" + list;
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}
}
