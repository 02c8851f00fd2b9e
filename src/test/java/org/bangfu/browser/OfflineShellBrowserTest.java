package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import java.util.List;

/**
 * The installed app without a network (issue 18, first slice): once the service worker is ready, a page opened
 * with the network cut shows the application's own offline page, not Chromium's error page.
 */
class OfflineShellBrowserTest extends BrowserTest {

	private static final Map<String, Object> OFFLINE = Map.of("offline", true, "latency", 0, "downloadThroughput", -1,
			"uploadThroughput", -1);

	private static final String OFFLINE_JSON = "{\"offline\":true,\"latency\":0,\"downloadThroughput\":-1,\"uploadThroughput\":-1}";

	private static final Map<String, Object> ONLINE = Map.of("offline", false, "latency", 0, "downloadThroughput", -1,
			"uploadThroughput", -1);

	@Test
	void withTheNetworkCutAPageOpensTheOfflinePage() {
		open("/");
		Object scope = browser.executeAsyncScript(
				"const done = arguments[arguments.length - 1];"
						+ "navigator.serviceWorker.ready.then(r => done(r.scope)).catch(e => done('failed ' + e));");
		assertThat(String.valueOf(scope)).endsWith(":" + port + "/");
		// the page's own requests and the worker's fetches are cut separately: emulation on the page's DevTools
		// session does not reach the worker, which fetches the navigation, so the worker's target is attached too
		String worker = workerSession();
		browser.executeCdpCommand("Network.enable", Map.of());
		toWorker(worker, 1, "Network.enable", "{}");
		try {
			browser.executeCdpCommand("Network.emulateNetworkConditions", OFFLINE);
			toWorker(worker, 2, "Network.emulateNetworkConditions", OFFLINE_JSON);
			open("/regions");
			waiting().withMessage(() -> browser.getTitle() + " " + browser.getCurrentUrl())
				.until(d -> !d.findElements(By.id("offline-page")).isEmpty());
			assertThat(find("h1").getText()).isEqualTo("当前没有网络");
			assertThat(find("main").getText()).contains("离线采集");
			screenshot("offline-page");
		}
		finally {
			browser.executeCdpCommand("Network.emulateNetworkConditions", ONLINE);
			toWorker(worker, 3, "Network.emulateNetworkConditions", OFFLINE_JSON.replace("true", "false"));
		}
		open("/regions");
		assertThat(browser.findElements(By.id("offline-page"))).as("back online, pages come from the network").isEmpty();
	}

	@SuppressWarnings("unchecked")
	private String workerSession() {
		List<Map<String, Object>> targets = (List<Map<String, Object>>) browser.executeCdpCommand("Target.getTargets", Map.of())
			.get("targetInfos");
		String id = targets.stream().filter(t -> "service_worker".equals(t.get("type"))).map(t -> (String) t.get("targetId"))
			.findFirst().orElseThrow();
		return (String) browser.executeCdpCommand("Target.attachToTarget", Map.of("targetId", id, "flatten", false)).get("sessionId");
	}

	private void toWorker(String session, int id, String method, String params) {
		browser.executeCdpCommand("Target.sendMessageToTarget", Map.of("sessionId", session,
				"message", "{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}"));
	}
}
