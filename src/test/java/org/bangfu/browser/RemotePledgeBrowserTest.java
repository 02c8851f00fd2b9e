package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;

import org.bangfu.account.Accounts;
import org.bangfu.pledge.MatchingFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A donor pledges on a need of another node from its page here, at phone width: the request is confirmed as forwarded
 * (or queued: the other node, 439907, is a link to a closed port) and listed on the donor's page. Screenshots
 * exchange-remote-pledge-*.png and exchange-pledge-requests-*.png.
 */
class RemotePledgeBrowserTest extends BrowserTest {

	static final String LOWER = "439907";

	@Autowired
	Accounts accounts;

	@AfterEach
	void unlink() {
		jdbc.sql("UPDATE exchange_link SET enabled = false WHERE node_id = ?").param(LOWER).update();
		jdbc.sql("DELETE FROM exchange_outbox WHERE link_node = ?").param(LOWER).update();
	}

	@Test
	void aDonorPledgesOnAnotherNodesNeedAndSeesItWaiting() {
		jdbc.sql("""
				INSERT INTO exchange_link (node_id, url, public_key, role, enabled, created_at, updated_at)
				VALUES (?, 'http://127.0.0.1:9/', ?, 'LOWER', true, now(), now())
				ON CONFLICT (node_id) DO UPDATE SET enabled = true""")
			.params(LOWER, org.bangfu.exchange.NodeKeys.publicKeyBase64(org.bangfu.exchange.NodeKeys.generate().getPublic()))
			.update();
		long need = System.nanoTime() % 1_000_000_000L;
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				INSERT INTO exchange_remote_need (origin_node, need_id, title, category, region_code, items, remaining_quantity, state, url,
				                                  received_at, updated_at)
				VALUES (?, ?, '松木园区老人过冬棉被和棉鞋', 'OTHER', '439907100201',
				        CAST('[{"name":"棉被","quantity":3,"unit":"床","valueFen":15000},{"name":"棉鞋","quantity":2,"unit":"双","valueFen":8000}]' AS jsonb),
				        5, 'PUBLISHED', 'http://127.0.0.1:9/needs/1', ?, ?)""")
			.params(LOWER, need, now, now)
			.update();
		String phone = newPhone();
		MatchingFixtures.newDonor(accounts, api(), phone);
		logIn(phone, DEMO_PASSWORD);
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(PHONE_WIDTH, 800));
		open("/exchange/needs/" + LOWER + "/" + need);
		find("#remote-q0").clear();
		find("#remote-q0").sendKeys("2");
		find("#remote-q1").clear();
		find("#remote-q1").sendKeys("1");
		String notice = submitAndRead("#remote-pledge-submit", "#remote-pledge .alert");
		assertThat(notice).contains(LOWER + "社会扶贫网");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("exchange-remote-pledge");

		open("/exchange/pledge-requests");
		assertThat(find("#pledge-requests").getText()).contains("等待确认").contains("3 件");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("exchange-pledge-requests");
	}
}
