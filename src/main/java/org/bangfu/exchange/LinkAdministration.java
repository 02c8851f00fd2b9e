package org.bangfu.exchange;

import java.net.URI;
import java.util.Locale;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.account.Role;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Linking this node to another one, by this node's own administrator (CITY_ADMIN); each change is logged. */
@Component
public class LinkAdministration {

	private final Links links;

	private final ExchangeNode node;

	private final OperationLog log;

	private final org.springframework.context.MessageSource messages;

	LinkAdministration(Links links, ExchangeNode node, OperationLog log, org.springframework.context.MessageSource messages) {
		this.links = links;
		this.node = node;
		this.log = log;
		this.messages = messages;
	}

	/** What an administrator gives to link a node: its id, base URL, public key (base64 or PEM) and role. */
	public record LinkForm(String node, String url, String publicKey, String role) {
	}

	@Transactional
	public Link save(BangfuUser user, LinkForm form) {
		permitted(user);
		String other = form.node() == null ? "" : form.node().strip();
		if (!other.matches("\\d{6}(\\d{3}){0,2}") || other.equals(node.id())) {
			throw new BadInputException("exchange.link.bad-node", other);
		}
		Link.Role role;
		try {
			role = Link.Role.valueOf(form.role() == null ? "" : form.role().strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("exchange.link.bad-role");
		}
		if (role == Link.Role.LOWER && !covers(node.id(), other)) {
			throw new BadInputException("exchange.link.lower-outside", other, node.id());
		}
		if (role == Link.Role.UPPER && node.upperNode().filter(u -> !u.node().equals(other)).isPresent()) {
			throw new BadInputException("exchange.link.second-upper");
		}
		String url = form.url() == null ? "" : form.url().strip();
		try {
			URI uri = URI.create(url);
			if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null || url.length() > 300) {
				throw new IllegalArgumentException(url);
			}
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("exchange.link.bad-url");
		}
		String key;
		try {
			key = NodeKeys.publicKeyBase64(NodeKeys.publicKey(form.publicKey() == null ? "" : form.publicKey()));
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("exchange.link.bad-key");
		}
		links.save(other, url, key, role);
		// in words, without the address (a host:port reads as a code in the log)
		log.record(user.id(), "exchange.link.save", "node:" + other, null,
				messages.getMessage("exchange.page.role." + role.name(), null, Locale.SIMPLIFIED_CHINESE) + " " + other);
		return links.find(other).orElseThrow();
	}

	@Transactional
	public void disable(BangfuUser user, String other) {
		permitted(user);
		if (!links.disable(other)) {
			throw new NotFoundException("exchange.link.not-found", other);
		}
		log.record(user.id(), "exchange.link.disable", "node:" + other, null, other);
	}

	public java.util.List<Link> all(BangfuUser user) {
		permitted(user);
		return links.all();
	}

	private static void permitted(BangfuUser user) {
		if (user == null || !user.has(Role.CITY_ADMIN)) {
			throw new NotPermittedException("exchange.link.not-permitted");
		}
	}

	/** Whether the region of node {@code upper} holds {@code lower}; the national node 000000 holds every region. */
	static boolean covers(String upper, String lower) {
		if ("000000".equals(upper)) {
			return true;
		}
		try {
			return RegionCode.parse(upper).contains(RegionCode.parse(lower));
		}
		catch (BadInputException e) {
			return false;
		}
	}
}
