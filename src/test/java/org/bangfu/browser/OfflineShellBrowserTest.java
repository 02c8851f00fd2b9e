package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The installed app without a network (issue 18, first slice): once the service worker is ready, a page opened
 * with the network cut shows the application's own offline page, not Chromium's error page.
 */
class OfflineShellBrowserTest extends BrowserTest {

	@Test
	void withTheNetworkCutAPageOpensTheOfflinePage() {
		open("/");
		Object scope = browser.executeAsyncScript(
				"const done = arguments[arguments.length - 1];"
						+ "navigator.serviceWorker.ready.then(r => done(r.scope)).catch(e => done('failed ' + e));");
		assertThat(String.valueOf(scope)).endsWith(":" + port + "/");
		browser.executeCdpCommand("Network.enable", Map.of());
		try {
			browser.executeCdpCommand("Network.emulateNetworkConditions",
					Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
			open("/regions");
			waiting().until(d -> !d.findElements(By.id("offline-page")).isEmpty());
			assertThat(find("h1").getText()).isEqualTo("当前没有网络");
			assertThat(find("main").getText()).contains("以后的版本");
			screenshot("offline-page");
		}
		finally {
			browser.executeCdpCommand("Network.emulateNetworkConditions",
					Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
		}
		open("/regions");
		assertThat(browser.findElements(By.id("offline-page"))).as("back online, pages come from the network").isEmpty();
	}
}
