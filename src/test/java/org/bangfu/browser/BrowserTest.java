package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The browser harness: the running application driven in Debian's headless Chromium, as a person on
 * a 360 px phone or a desktop uses it. {@link #screenshot} saves both widths under
 * target/screenshots for people to look at.
 */
public abstract class BrowserTest extends ApplicationTest {

	public static final int PHONE_WIDTH = 360;

	public static final int DESKTOP_WIDTH = 1280;

	protected static ChromeDriver browser;

	@BeforeAll
	static void startBrowser() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(System.getProperty("bangfu.test.chromium", "/usr/bin/chromium"));
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
				"--lang=zh-CN", "--window-size=" + DESKTOP_WIDTH + ",900");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(System.getProperty("bangfu.test.chromedriver", "/usr/bin/chromedriver")))
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	@BeforeEach
	void freshSession() {
		browser.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));
		open("/");
		browser.manage().deleteAllCookies();
	}

	protected void open(String path) {
		eventsSettled();
		browser.get("http://localhost:" + port + path);
	}

	protected WebElement find(String css) {
		return browser.findElement(By.cssSelector(css));
	}

	/**
	 * Clicks the submit button and reads the element {@code css} of the page that comes back: an element of that name on
	 * the page before (the alert of the previous step) is waited out first, so the old page's text is never read.
	 */
	protected String submitAndRead(String buttonCss, String css) {
		List<WebElement> before = browser.findElements(By.cssSelector(css));
		find(buttonCss).click();
		if (!before.isEmpty()) {
			waiting().until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before.get(0)));
		}
		return waiting().until(d -> d.findElement(By.cssSelector(css)).getText());
	}

	protected WebDriverWait waiting() {
		// htmx replaces parts of pages: an element read while it is swapped out is stale, so read it again
		return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(10))
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
	}

	protected void logIn(String phone, String password) {
		for (int attempt = 1;; attempt++) {
			open("/login");
			find("#phone").sendKeys(phone);
			find("#password").sendKeys(password);
			find("form.card button[type=submit]").click();
			try {
				waiting().until(d -> !d.getCurrentUrl().contains("/login"));
				return;
			}
			catch (org.openqa.selenium.TimeoutException e) {
				// once in CI a login right after the cookies were deleted stayed on the login page (sessions in the
				// database: a request of the page before may still be saving the old session): try once more
				if (attempt == 2) {
					throw e;
				}
			}
		}
	}

	/** Saves the whole page at phone and desktop width as target/screenshots/NAME-360.png and NAME-1280.png. */
	protected void screenshot(String name) {
		Path dir = Path.of(System.getProperty("bangfu.test.screenshots", "target/screenshots"));
		try {
			Files.createDirectories(dir);
			for (int width : new int[] { PHONE_WIDTH, DESKTOP_WIDTH }) {
				browser.manage().window().setSize(new Dimension(width, 800));
				long height = (Long) ((JavascriptExecutor) browser).executeScript(
						"return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
				// the whole page, not just the window: Chromium's own full-page capture
				Map<String, Object> shot = browser.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
						"captureBeyondViewport", true,
						"clip", Map.of("x", 0, "y", 0, "width", width, "height", Math.min(height, 8000), "scale", 1)));
				Files.write(dir.resolve(name + "-" + width + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
			}
			browser.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Scrolls the element into view, for a screenshot or a click. */
	protected void scrollTo(String css) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", find(css));
	}

	/** Whether the page, at phone width, is no wider than the screen (else it prints the elements that stick out). */
	protected boolean noHorizontalOverflow() {
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		Object wide = ((JavascriptExecutor) browser).executeScript("""
				if (document.documentElement.scrollWidth <= window.innerWidth) return null;
				return Array.from(document.querySelectorAll('body *'))
				  .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
				  .filter(e => { for (var p = e.parentElement; p; p = p.parentElement) {
				      if (getComputedStyle(p).overflowX !== 'visible') return false; } return true; })
				  .slice(0, 3).map(e => Math.round(e.getBoundingClientRect().right) + ' ' + e.outerHTML.substring(0, 300)).join(' | ');""");
		if (wide != null) {
			System.out.println("Wider than the window: " + wide);
		}
		return wide == null;
	}

	/** The id of the registry household of the village whose head has the name, as staff find it through the API. */
	protected long householdOf(ApiClient api, String token, String village, String headName) {
		ApiClient.Answer answer = api.get("/api/v1/households?region=" + village + "&q=" + URLEncoder.encode(headName, StandardCharsets.UTF_8), token);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		for (JsonNode h : answer.json()) {
			if (headName.equals(h.get("headName").asString())) {
				return h.get("id").asLong();
			}
		}
		throw new AssertionError("no household headed by " + headName + " in " + answer.body());
	}
}
