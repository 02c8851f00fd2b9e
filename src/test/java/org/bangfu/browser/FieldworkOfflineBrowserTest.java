package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bangfu.ApiClient;
import org.bangfu.ApiClient.Answer;
import org.bangfu.account.Accounts;
import org.bangfu.need.NeedFixtures;
import org.bangfu.shared.PersonalData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Offline collection on a 360 px phone (issue 18): the officer syncs its village, the network is cut (Chromium's
 * DevTools Network.emulateNetworkConditions, the switch Playwright's offline mode uses, on the page and on the service
 * worker), three needs with photos are drafted, the page is reloaded offline and still holds them; back online the queue
 * is sent and makes exactly three needs, and sending the same drafts again makes none more. A consent revoked meanwhile
 * comes back as a problem on its draft, which stays. Data in 湖南衡阳高新技术产业园区 (430476).
 */
class FieldworkOfflineBrowserTest extends BrowserTest {

	static final String VILLAGE = "430476001004";

	private static final String OFFLINE_JSON = "{\"offline\":true,\"latency\":0,\"downloadThroughput\":-1,\"uploadThroughput\":-1}";

	@Autowired
	Accounts accounts;

	@Autowired
	PersonalData personalData;

	private String worker;

	private String workerTarget;

	private int cdpId = 10;

	@Test
	void threeNeedsDraftedOfflineAreSubmittedExactlyOnce() throws Exception {
		ApiClient api = new ApiClient(port);
		String phone = newPhone();
		Answer granted = api.post("/api/v1/grants", """
				{"phone":"%s","role":"VILLAGE_OFFICER","regionCode":"%s","name":"银光社区信息员"}""".formatted(phone, VILLAGE),
				api.login("13800000001", DEMO_PASSWORD));
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		accounts.changePassword(accounts.findByPhone(phone).orElseThrow().id(), DEMO_PASSWORD);
		String[] heads = { "银光刘桂兰", "银光陈国强", "银光王秀英", "银光李德明" };
		long[] households = new long[4];
		for (int i = 0; i < 4; i++) {
			households[i] = NeedFixtures.household(jdbc, personalData, VILLAGE, heads[i], true);
		}
		Path photo = Files.createTempFile("field-photo", ".jpg");
		Files.write(photo, NeedFixtures.jpeg(2400, 1800));
		Path form = Files.createTempFile("field-form", ".jpg");
		Files.write(form, NeedFixtures.jpeg(1200, 1600));

		logIn(phone, DEMO_PASSWORD);
		phone();
		open("/needs/mine");
		find("#need-field").click();
		waitReady();
		Object cached = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				navigator.serviceWorker.ready.then(() => caches.match('/field')).then(r => done(r ? r.status : 'none'))
				  .catch(e => done('failed ' + e));""");
		assertThat(cached).as("the worker keeps the /field shell").isEqualTo(200L);
		find("#field-sync-button").click();
		waiting().until(d -> find("#field-synced").getText().contains("户"));
		for (long h : households) {
			assertThat(browser.findElements(By.id("field-h-" + h))).as("household " + h + " synced").hasSize(1);
		}
		find("#field-q").sendKeys("银光");
		screenshot("field-synced");
		phone();

		offline(true);
		try {
			waiting().until(d -> find("#field-net").getAttribute("class").contains("offline"));
			for (int i = 0; i < 3; i++) {
				draft(households[i], "老人过冬缺棉被" + (i + 1), photo, form, i == 0);
				int n = i + 1;
				waiting().until(d -> find("#field-queue-count").getText().equals(String.valueOf(n)));
			}
			assertThat(find("#field-drafts").getText()).contains("待发送", "老人过冬缺棉被1", "老人过冬缺棉被3", "1 张照片");
			screenshot("field-queue-offline");
			phone();

			// the page itself comes from the worker's cache, its drafts from IndexedDB
			browser.navigate().refresh();
			waitReady();
			assertThat(find("h1").getText()).isEqualTo("离线采集");
			assertThat(browser.findElements(By.cssSelector("#field-drafts > li"))).hasSize(3);
			assertThat(find("#field-drafts").getText()).contains("老人过冬缺棉被1", "老人过冬缺棉被2", "老人过冬缺棉被3");
			// a copy of the queue as it stands, to replay it once it has been sent
			((JavascriptExecutor) browser).executeAsyncScript(COPY_QUEUE);
		}
		finally {
			offline(false);
		}
		// back online: the 'online' event sends the queue by itself
		waiting().withTimeout(java.time.Duration.ofSeconds(30))
			.until(d -> d.findElements(By.cssSelector("#field-sent > li")).size() == 3);
		assertThat(find("#field-queue-count").getText()).isEqualTo("0");
		assertThat(find("#field-sent").getText()).contains("已提交", "老人过冬缺棉被1", "老人过冬缺棉被2", "老人过冬缺棉被3");
		assertThat(needsOf(households)).as("one need per draft").containsExactlyInAnyOrder(1L, 1L, 1L);
		screenshot("field-queue-sent");
		phone();

		// the same three drafts sent again (a queue replayed after a lost answer): still three needs
		((JavascriptExecutor) browser).executeAsyncScript(RESTORE_QUEUE);
		open("/field");
		waitReady();
		waiting().withTimeout(java.time.Duration.ofSeconds(30))
			.until(d -> find("#field-queue-count").getText().equals("0"));
		assertThat(needsOf(households)).as("sent twice, still one need per draft").containsExactlyInAnyOrder(1L, 1L, 1L);
		assertThat(browser.findElements(By.cssSelector("#field-sent > li"))).as("shown once each").hasSize(3);

		// a consent revoked on the server while the officer drafts offline: a problem on that draft, which stays
		offline(true);
		try {
			draft(households[3], "老人过冬缺棉被4", photo, form, false);
			waiting().until(d -> find("#field-queue-count").getText().equals("1"));
			jdbc.sql("UPDATE consent SET revoked_at = now() WHERE household_id = ?").param(households[3]).update();
		}
		finally {
			offline(false);
		}
		waiting().withTimeout(java.time.Duration.ofSeconds(30))
			.until(d -> !d.findElements(By.cssSelector("#field-drafts > li.problem")).isEmpty());
		// the queue is drawn again when the households are re-synced after the problem: read it through the wait
		String problem = waiting().until(d -> d.findElement(By.cssSelector("#field-drafts > li.problem")).getText());
		assertThat(problem).contains("有问题", "老人过冬缺棉被4");
		String reasons = waiting().until(d -> d.findElement(By.cssSelector("#field-drafts .field-problems")).getText());
		assertThat(reasons).isNotBlank();
		// the households are synced again after such a problem: editing the draft now asks for the signed consent form
		waiting().until(d -> find("#field-h-" + households[3]).getText().contains("无代发同意"));
		waiting().until(d -> {
			d.findElement(By.cssSelector("#field-drafts > li.problem .field-edit")).click();
			return true;
		});
		waiting().until(d -> find("#field-consent").isDisplayed());
		find("#field-cancel").click();
		assertThat(jdbc.sql("SELECT count(*) FROM need WHERE household_id = ?").param(households[3]).query(Long.class).single()).isZero();
		assertThat(noHorizontalOverflow()).as("the page fits a 360 px screen").isTrue();
		screenshot("field-problem");

		// logging out with a draft unsent: the officer is warned, then the key and the pack are gone
		open("/needs/mine");
		browser.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));
		waiting().withMessage(() -> browser.getCurrentUrl() + " " + find("header").getText())
			.until(d -> !d.findElements(By.cssSelector("form.logout button")).isEmpty());
		find("form.logout button").click();
		assertThat(browser.switchTo().alert().getText()).contains("1 份离线草稿没有发送");
		browser.switchTo().alert().accept();
		waiting().until(d -> d.getCurrentUrl().contains("loggedOut"));
		Object left = ((JavascriptExecutor) browser).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const r = indexedDB.open('bangfu-field', 1);
				r.onsuccess = () => { const t = r.result.transaction(['key', 'pack', 'drafts']);
				  const c = [t.objectStore('key').count(), t.objectStore('pack').count(), t.objectStore('drafts').count()];
				  t.oncomplete = () => done(c.map(x => x.result).join(',')); };""");
		assertThat(left).as("key, pack, drafts left after logout").isEqualTo("0,0,1");
	}

	/** Fills and keeps one draft for the household at phone width: ELDERLY_CARE, one item, a photo and the signed form. */
	private void draft(long household, String title, Path photo, Path form, boolean shoot) {
		find("#field-h-" + household + " .field-write").click();
		waiting().until(d -> find("#field-draft").isDisplayed());
		new Select(find("#field-category")).selectByValue("ELDERLY_CARE");
		find("#field-title").sendKeys(title);
		find("#field-description").sendKeys("老人独居，冬天只有一床旧被子，需要两床新棉被过冬。");
		find("#field-item-rows [data-f=name]").sendKeys("棉被");
		find("#field-item-rows [data-f=quantity]").sendKeys("2");
		find("#field-item-rows [data-f=unit]").sendKeys("床");
		find("#field-item-rows [data-f=price]").sendKeys("80");
		if (shoot) {
			// a file that is not an image is refused on the phone, before anything is stored
			try {
				Path text = Files.createTempFile("field-not-image", ".jpg");
				Files.writeString(text, "不是照片");
				find("#field-photos").sendKeys(text.toString());
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			waiting().until(d -> find("#field-form-error").getText().contains("不是图片"));
			assertThat(browser.findElements(By.cssSelector("#field-photo-list img"))).isEmpty();
		}
		find("#field-photos").sendKeys(photo.toString());
		find("#field-confirmation-photo").sendKeys(form.toString());
		waiting().until(d -> d.findElements(By.cssSelector("#field-photo-list img")).size() == 1
				&& d.findElements(By.cssSelector("#field-confirmation-thumb img")).size() == 1);
		if (shoot) {
			scrollTo("#field-draft");
			screenshot("field-draft-form");
			phone();
		}
		find("#field-save").click();
		waiting().until(d -> !find("#field-draft").isDisplayed());
	}

	private List<Long> needsOf(long[] households) {
		return jdbc.sql("SELECT count(*) FROM need WHERE household_id IN (?, ?, ?) GROUP BY household_id")
			.params(households[0], households[1], households[2])
			.query(Long.class)
			.list();
	}

	private void waitReady() {
		waiting().until(d -> "true".equals(find("body").getAttribute("data-field-ready")));
	}

	private void phone() {
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
	}

	/**
	 * Cuts or restores the network of the page and of the service worker (its own DevTools target). One session per worker:
	 * emulation set on a session lasts as long as that session, so the worker's is attached again only when the browser
	 * has started another worker.
	 */
	@SuppressWarnings("unchecked")
	private void offline(boolean cut) {
		List<Map<String, Object>> targets = (List<Map<String, Object>>) browser.executeCdpCommand("Target.getTargets", Map.of())
			.get("targetInfos");
		String id = targets.stream().filter(t -> "service_worker".equals(t.get("type"))).map(t -> (String) t.get("targetId"))
			.findFirst().orElseThrow();
		if (!id.equals(workerTarget)) {
			workerTarget = id;
			worker = (String) browser.executeCdpCommand("Target.attachToTarget", Map.of("targetId", id, "flatten", false)).get("sessionId");
			toWorker("Network.enable", "{}");
		}
		browser.executeCdpCommand("Network.enable", Map.of());
		browser.executeCdpCommand("Network.emulateNetworkConditions",
				Map.of("offline", cut, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
		toWorker("Network.emulateNetworkConditions", OFFLINE_JSON.replace("true", String.valueOf(cut)));
	}

	private void toWorker(String method, String params) {
		browser.executeCdpCommand("Target.sendMessageToTarget", Map.of("sessionId", worker,
				"message", "{\"id\":" + (cdpId++) + ",\"method\":\"" + method + "\",\"params\":" + params + "}"));
	}

	private static final String COPY_QUEUE = """
			const done = arguments[arguments.length - 1];
			const r = indexedDB.open('bangfu-field', 1);
			r.onsuccess = () => { const t = r.result.transaction(['drafts', 'photos']);
			  const d = t.objectStore('drafts').getAll(), p = t.objectStore('photos').getAll();
			  t.oncomplete = () => {
			    indexedDB.open('bangfu-field-copy', 1).onupgradeneeded = (e) => {
			      const db = e.target.result; db.createObjectStore('drafts', { keyPath: 'id' }); db.createObjectStore('photos', { keyPath: 'id' });
			      const w = e.target.transaction;
			      d.result.forEach(x => w.objectStore('drafts').put(x)); p.result.forEach(x => w.objectStore('photos').put(x));
			      w.oncomplete = () => { db.close(); done('ok'); }; }; }; };""";

	private static final String RESTORE_QUEUE = """
			const done = arguments[arguments.length - 1];
			indexedDB.open('bangfu-field-copy', 1).onsuccess = (e) => { const copy = e.target.result;
			  const t = copy.transaction(['drafts', 'photos']);
			  const d = t.objectStore('drafts').getAll(), p = t.objectStore('photos').getAll();
			  t.oncomplete = () => { copy.close(); indexedDB.deleteDatabase('bangfu-field-copy');
			    const r = indexedDB.open('bangfu-field', 1);
			    r.onsuccess = () => { const w = r.result.transaction(['drafts', 'photos'], 'readwrite');
			      d.result.forEach(x => w.objectStore('drafts').put(x)); p.result.forEach(x => w.objectStore('photos').put(x));
			      w.oncomplete = () => { r.result.close(); done('ok'); }; }; }; };""";

}
