package org.bangfu.exchange.web;

import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.exchange.ExchangeNode;
import org.bangfu.exchange.LinkAdministration;
import org.bangfu.exchange.RemoteNeeds;
import org.bangfu.shared.Flash;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator page of the exchange (/exchange, this node's administrator) and the public pages of needs received from
 * lower nodes: the list (a fragment the public need list loads, or a page of its own) and one need.
 */
@Controller
class ExchangePages {

	private final ExchangeNode node;

	private final LinkAdministration administration;

	private final RemoteNeeds remote;

	private final MessageSource messages;

	ExchangePages(ExchangeNode node, LinkAdministration administration, RemoteNeeds remote, MessageSource messages) {
		this.node = node;
		this.administration = administration;
		this.remote = remote;
		this.messages = messages;
	}

	@GetMapping("/exchange")
	String operator(@AuthenticationPrincipal BangfuUser user, Model model) {
		model.addAttribute("links", administration.all(user));
		model.addAttribute("nodeId", node.id());
		model.addAttribute("publicKey", node.publicKeyBase64());
		return "exchange/operator";
	}

	@PostMapping("/exchange/links")
	String link(@AuthenticationPrincipal BangfuUser user, LinkAdministration.LinkForm form, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "exchange.page.saved", () -> administration.save(user, form));
		return "redirect:/exchange";
	}

	@PostMapping("/exchange/links/{other}/disable")
	String disable(@AuthenticationPrincipal BangfuUser user, @PathVariable String other, RedirectAttributes redirect) {
		Flash.attempt(redirect, messages, "exchange.page.disabled", () -> administration.disable(user, other));
		return "redirect:/exchange";
	}

	/** Needs of other nodes matching the search text; only the list when htmx asks (the public need list loads it). */
	@GetMapping("/exchange/needs")
	String needs(@RequestParam(required = false) String q, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("remoteNeeds", remote.search(q, null, 50));
		model.addAttribute("q", q == null ? "" : q);
		return htmx != null ? "exchange/needs :: remote" : "exchange/needs";
	}

	@GetMapping("/exchange/needs/{origin}/{id}")
	String need(@PathVariable String origin, @PathVariable long id, Model model) {
		model.addAttribute("need", remote.get(origin, id));
		return "exchange/need";
	}

	@GetMapping("/api/v1/exchange/needs")
	@ResponseBody
	List<RemoteNeeds.RemoteNeed> needsApi(@RequestParam(required = false) String q, @RequestParam(required = false) String origin) {
		return remote.search(q, origin, 200);
	}
}
