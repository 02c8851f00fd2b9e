package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.bangfu.exchange.NodeKeys;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The exchange's pages (issue 18): the administrator links a lower node on /exchange and sees its health; a need
 * received from another node shows on the public need list's search, marked with its origin.
 */
class ExchangeBrowserTest extends BrowserTest {

	@Test
	void theAdministratorLinksANodeAndReadsItsHealth() {
		logIn("13800000001", DEMO_PASSWORD);
		open("/exchange");
		assertThat(find("#exchange-node-id").getText()).isEqualTo("430400");
		assertThat(find("#exchange-public-key").getText()).startsWith("MCow");
		find("#exchange-add-link input[name=node]").sendKeys("430473");
		find("#exchange-add-link input[name=url]").sendKeys("http://localhost:1");
		find("#exchange-add-link textarea[name=publicKey]").sendKeys(NodeKeys.publicKeyBase64(NodeKeys.generate().getPublic()));
		new Select(find("#exchange-add-link select[name=role]")).selectByValue("LOWER");
		String notice = submitAndRead("#exchange-add-link button[type=submit]", ".alert.ok");
		assertThat(notice).isEqualTo("连接已保存。");
		String row = find(".exchange-link[data-node='430473']").getText();
		assertThat(row).contains("430473", "下级节点", "已发 0 / 已确认 0 / 已收 0");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("exchange-operator");

		find(".exchange-link[data-node='430473'] form button").click();
		waiting().until(d -> d.findElement(By.cssSelector(".exchange-link[data-node='430473']")).getText().contains("已停用"));
	}

	@Test
	void aNeedFromAnotherNodeIsFoundOnTheNeedListMarkedWithItsOrigin() {
		String title = "松木远端测试书包" + System.nanoTime() % 100000;
		jdbc.sql("""
				INSERT INTO exchange_remote_need (origin_node, need_id, title, category, region_code, items, remaining_quantity, state, url,
				                                  received_at, updated_at)
				VALUES ('430473', 77, ?, 'EDUCATION', '430473400205', '[{"name":"书包","quantity":2,"unit":"个","valueFen":6000}]', 2,
				        'PUBLISHED', 'https://songmu.example/needs/77', now(), now())""").param(title).update();
		try {
			open("/needs?q=" + java.net.URLEncoder.encode(title, java.nio.charset.StandardCharsets.UTF_8));
			String card = waiting().until(d -> d.findElement(By.cssSelector(".remote-need[data-origin='430473']")).getText());
			assertThat(card).contains(title, "来自 湖南衡阳松木经济开发区社会扶贫网（430473）");
			screenshot("needs-remote");
			find(".remote-need a").click();
			waiting().until(d -> d.getCurrentUrl().contains("/exchange/needs/430473/77"));
			assertThat(find("#remote-need-origin").getDomAttribute("href")).isEqualTo("https://songmu.example/needs/77");
		}
		finally {
			jdbc.sql("DELETE FROM exchange_remote_need WHERE origin_node = '430473'").update();
		}
	}
}
