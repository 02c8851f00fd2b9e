package org.bangfu.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public page passes axe-core (the engine behind Lighthouse's accessibility score) without a single violation,
 * at phone and desktop width, and carries what Lighthouse's SEO checks ask for: a description, a crawlable page.
 */
class AccessibilityBrowserTest extends BrowserTest {

	private static final String AXE = axeSource();

	private static String axeSource() {
		try (InputStream in = AccessibilityBrowserTest.class.getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Test
	void thePublicPagesHaveNoAccessibilityViolations() {
		long need = api().get("/api/v1/needs?region=430421").json().get("needs").get(0).get("id").asLong();
		List<String> pages = List.of("/", "/regions/430400", "/regions/430421100203", "/needs", "/needs/" + need, "/offers", "/login",
				"/register");
		List<String> found = new ArrayList<>();
		for (int width : new int[] { PHONE_WIDTH, DESKTOP_WIDTH }) {
			browser.manage().window().setSize(new Dimension(width, 800));
			for (String page : pages) {
				open(page);
				// htmx swaps in parts loaded after the page (a need's pledges): check the page as people end up seeing it
				waiting().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
						"return document.readyState === 'complete' && !document.querySelector('[hx-trigger=load]')"));
				found.addAll(violations(page + " @" + width));
				assertThat(find("meta[name=description]").getDomAttribute("content")).as(page).isNotBlank();
			}
		}
		assertThat(found).as("axe-core violations").isEmpty();
		browser.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));
	}

	@Test
	void theMenuButtonIsAFocusableLabelledControlNotHiddenFromAssistiveTechnology() {
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/");
		var toggle = find("#menu-toggle");
		assertThat(toggle.getDomAttribute("aria-hidden")).isNull();
		assertThat(toggle.getAccessibleName()).isEqualTo("菜单");
		toggle.sendKeys(" ");
		assertThat(find("#main-menu").isDisplayed()).isTrue();
		assertThat(violations("/ with the menu open @360")).isEmpty();
		screenshot("home-menu-open");
	}

	/** axe-core's violations on the open page (all its rules but the experimental ones), one line each. */
	@SuppressWarnings("unchecked")
	private List<String> violations(String where) {
		JavascriptExecutor js = browser;
		js.executeScript(AXE);
		List<Map<String, Object>> result = (List<Map<String, Object>>) js.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document).then(r => done(r.violations.map(v => ({id: v.id, help: v.help,
				    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))));""");
		List<String> lines = new ArrayList<>();
		for (Map<String, Object> v : result) {
			lines.add(where + ": " + v.get("id") + " (" + v.get("help") + ") " + v.get("nodes"));
		}
		return lines;
	}
}
