package org.bangfu.exchange;

import java.util.Locale;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.DonorType;
import org.bangfu.account.Role;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The donor account that stands, on the owning node, for the donors of one linked upper node: its pledges are made
 * by this account, the donor's masked name in the pledge's note. A social organisation (so the public sees its name in
 * full: 「湖南省社会扶贫网转来的认领」), without phone or password, so nobody signs in as it. Made on first use.
 */
@Component
class ProxyDonors {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final MessageSource messages;

	ProxyDonors(JdbcClient jdbc, Accounts accounts, MessageSource messages) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.messages = messages;
	}

	/** The account for the node, made now if it has none; {@code nodeName} names it then. In the caller's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	BangfuUser forNode(String node, String nodeName) {
		// two first requests of one node at once make one account
		jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("exchange-proxy-donor/" + node).query(Object.class).single();
		Long id = jdbc.sql("SELECT account_id FROM exchange_proxy_donor WHERE node = ?").param(node).query(Long.class).optional().orElse(null);
		if (id == null) {
			String name = messages.getMessage("exchange.proxy-donor.name", new Object[] { nodeName }, Locale.SIMPLIFIED_CHINESE);
			id = accounts.create(new Accounts.NewAccount(null, name, null, DonorType.SOCIAL_ORG, null, null, null));
			accounts.grant(id, Role.DONOR, null, null);
			jdbc.sql("INSERT INTO exchange_proxy_donor (node, account_id) VALUES (?, ?)").params(node, id).update();
		}
		long account = id;
		return accounts.findById(account).orElseThrow();
	}
}
