package org.bangfu.browser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages work under the strict Content-Security-Policy (issue 12): no inline script, htmx from the app's
 * own origin. Chromium reports every blocked script, style or handler as a securitypolicyviolation
 * event, which a listener installed before any page script records.
 */
class ContentSecurityPolicyBrowserTest extends BrowserTest {

	@BeforeEach
	void recordViolations() {
		browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				window.__csp = [];
				document.addEventListener('securitypolicyviolation', function (e) {
				  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber);
				});"""));
	}

	@SuppressWarnings("unchecked")
	private List<String> violations() {
		return (List<String>) browser.executeScript("return window.__csp || ['the recorder is missing']");
	}

	private void visit(String path) {
		open(path);
		assertThat(violations()).as(path).isEmpty();
	}

	@Test
	void everyoneSPagesRunWithoutInlineScript() throws Exception {
		var headers = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/")).build(),
				java.net.http.HttpResponse.BodyHandlers.discarding()).headers();
		assertThat(headers.firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("script-src 'self';", "frame-ancestors 'none'"));
		assertThat(headers.firstValue("Referrer-Policy")).contains("strict-origin-when-cross-origin");
		assertThat(headers.firstValue("Permissions-Policy")).hasValueSatisfying(v -> assertThat(v).contains("geolocation=()"));
		for (String path : new String[] { "/", "/needs", "/regions/430421", "/offers", "/login", "/register" }) {
			visit(path);
		}
		long need = jdbc.sql("SELECT min(id) FROM need WHERE state = 'PUBLISHED'").query(Long.class).single();
		visit("/needs/" + need);
		find("input[data-select-on-focus]").click();
		assertThat(browser.executeScript("return window.getSelection().toString() || document.activeElement.selectionEnd")).isNotNull();
		assertThat(violations()).isEmpty();
	}

	@Test
	void anOfficersHtmxWorkRunsUnderThePolicy() {
		logIn("13800000004", DEMO_PASSWORD);
		visit("/needs/mine");
		visit("/households");
		browser.findElement(By.linkText("王春生")).click();
		int buttons = browser.findElements(By.cssSelector("#members button.reveal")).size();
		find("#members button.reveal").click();
		waiting().until(d -> d.findElements(By.cssSelector("#members button.reveal")).size() == buttons - 1
				&& !d.findElement(By.cssSelector("#members tbody tr td:nth-child(3) span")).getText().contains("*"));
		assertThat(violations()).as("the reveal by htmx, and the button removed by bangfu.js").isEmpty();
		visit("/needs/new");
	}
}
