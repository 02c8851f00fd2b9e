package org.bangfu.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.bangfu.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** The city admin's menu on one row, tables that keep their labels on a phone, revoking that asks first, and the small things. */
class LayoutBrowserTest extends BrowserTest {

	/** The tops of the menu's visible top-level entries (links, "管理", 退出). */
	@SuppressWarnings("unchecked")
	private List<Long> menuRowTops() {
		return (List<Long>) ((JavascriptExecutor) browser).executeScript("""
				return Array.from(document.querySelectorAll('#main-menu > a, #main-menu > details > summary, #main-menu > form button'))
				  .filter(e => e.offsetParent !== null).map(e => Math.round(e.getBoundingClientRect().top));""");
	}

	@Test
	void theCityAdminsMenuFitsOneRowAndTheAdministrationPagesAreUnderManagement() {
		logIn("13800000001", DEMO_PASSWORD);
		for (int width : new int[] { 1024, DESKTOP_WIDTH }) {
			browser.manage().window().setSize(new Dimension(width, 800));
			open("/me");
			List<Long> tops = menuRowTops();
			assertThat(tops).as("at " + width + " px").hasSizeGreaterThan(10);
			assertThat(tops.stream().distinct().count()).as("rows of the menu at " + width + " px: " + tops).isEqualTo(1);
			assertThat(noWiderThanWindow()).as("at " + width + " px").isTrue();
		}
		assertThat(find("#main-menu > details.menu-group > summary").getText()).isEqualTo("管理");
		assertThat(find("#main-menu a[href='/admin/operation-log']").isDisplayed()).isFalse();
		find("#main-menu > details.menu-group > summary").click();
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.linkText("操作日志")));
		assertThat(find(".menu-group-links").getText()).contains("类别规则", "工作人员", "服务站点", "操作日志", "短信发件箱");
		browser.findElement(By.linkText("操作日志")).click();
		assertThat(find("main h1").getText()).isEqualTo("操作日志");
		assertThat(find("#main-menu > details.menu-group").getDomAttribute("class")).contains("current");

		// on a phone: the menu button, then 管理 inside the menu
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		find("label.menu-button").click();
		find("#main-menu > details.menu-group > summary").click();
		waiting().until(ExpectedConditions.visibilityOfElementLocated(By.linkText("工作人员")));
		((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
		Object shot = browser.executeCdpCommand("Page.captureScreenshot", java.util.Map.of("format", "png"));
		savePng("menu-city-admin-open-360", (String) ((java.util.Map<?, ?>) shot).get("data"));
		browser.findElement(By.linkText("工作人员")).click();
		assertThat(find("main h1").getText()).startsWith("工作人员");
		screenshot("staff-city-admin");
	}

	@Test
	void theCoverageAndStaffTablesKeepTheirLabelsOnAPhone() {
		logIn("13800000002", DEMO_PASSWORD);
		open("/households/coverage");
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		assertThat(labelBefore("#coverage tbody tr:first-child td:nth-child(2)")).contains("名册户数");
		assertThat(labelBefore("#coverage tbody tr:first-child td:nth-child(4)")).contains("覆盖率");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("coverage");

		open("/staff");
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		assertThat(labelBefore("#staff-table tbody tr:first-child td:nth-child(2)")).contains("角色");
		assertThat(labelBefore("#staff-table tbody tr:first-child td:nth-child(3)")).contains("职务");
		assertThat(labelBefore("#staff-table tbody tr:first-child td:nth-child(6)")).contains("授权时间");
		assertThat(noHorizontalOverflow()).isTrue();
	}

	@Test
	void revokingARoleAsksFirstAndOnlyTheConfirmationRevokes() {
		ApiClient api = api();
		String county = api.login("13800000002", DEMO_PASSWORD);
		String phone = newPhone();
		String village = "430421100203";
		ApiClient.Answer granted = api.post("/api/v1/grants",
				"{\"phone\":\"" + phone + "\",\"role\":\"VILLAGE_OFFICER\",\"regionCode\":\"" + village + "\",\"name\":\"试用信息员\"}", county);
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		long grant = granted.json().get("grantId").asLong();

		logIn("13800000002", DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/staff?region=" + village);
		WebElement confirm = find("#revoke-" + grant);
		assertThat(confirm.findElement(By.cssSelector("button")).isDisplayed()).as("no revoking in one tap").isFalse();
		confirm.findElement(By.tagName("summary")).click();
		WebElement button = confirm.findElement(By.cssSelector("button"));
		waiting().until(ExpectedConditions.visibilityOf(button));
		assertThat(confirm.getText()).contains("撤销", "在西渡村委会的“村信息员”角色？", "确认撤销");
		assertThat(revoked(grant)).as("opening the step changes nothing").isFalse();
		scrollTo("#revoke-" + grant);
		screenshot("staff-revoke-confirm");

		button.click();
		assertThat(find(".alert.ok").getText()).isNotBlank();
		assertThat(revoked(grant)).isTrue();
	}

	@Test
	void markAllReadIsAButtonLikeTheOthersAndTheIconAndRobotsAreServed() throws Exception {
		logIn("13800000021", DEMO_PASSWORD);
		open("/me/notices");
		WebElement readAll = find("form[action$='/me/notices/read'] button");
		assertThat(readAll.getDomAttribute("class")).contains("button");
		assertThat(readAll.getCssValue("border-top-color")).isEqualTo("rgba(179, 38, 30, 1)");
		screenshot("notices");

		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<byte[]> icon = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/favicon.ico")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(icon.statusCode()).isEqualTo(200);
		assertThat(icon.body()).startsWith(0, 0, 1, 0); // an ICO header
		HttpResponse<String> robots = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/robots.txt")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(robots.statusCode()).isEqualTo(200);
		assertThat(robots.body()).contains("User-agent: *", "Disallow: /admin/", "Disallow: /api/").doesNotContain("Disallow: /needs\n");
	}

	private boolean revoked(long grant) {
		return jdbc.sql("SELECT revoked_at IS NOT NULL FROM role_grant WHERE id = ?").param(grant).query(Boolean.class).single();
	}

	private String labelBefore(String css) {
		return (String) ((JavascriptExecutor) browser).executeScript("return getComputedStyle(arguments[0], '::before').content", find(css));
	}

	private boolean noWiderThanWindow() {
		return (Boolean) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
	}

	private void savePng(String name, String base64) {
		try {
			java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("bangfu.test.screenshots", "target/screenshots"));
			java.nio.file.Files.createDirectories(dir);
			java.nio.file.Files.write(dir.resolve(name + ".png"), java.util.Base64.getDecoder().decode(base64));
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}
}
