package org.bangfu.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The installable shell (issue 18): manifest, icons, service worker and offline page, all without logging in. */
class AppShellTest extends ApplicationTest {

	private final HttpClient http = HttpClient.newHttpClient();

	private HttpResponse<byte[]> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	@Test
	void theManifestNamesTheAppAndItsIconsWhichArePngsOfTheirSizes() throws Exception {
		HttpResponse<byte[]> response = get("/manifest.webmanifest");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/manifest+json");
		JsonNode manifest = JsonMapper.builder().build().readTree(response.body());
		assertThat(manifest.get("name").asString()).isEqualTo("帮扶 · 衡阳市社会扶贫网");
		assertThat(manifest.get("short_name").asString()).isEqualTo("帮扶");
		assertThat(manifest.get("display").asString()).isEqualTo("standalone");
		assertThat(manifest.get("start_url").asString()).startsWith("/");
		assertThat(manifest.get("theme_color").asString()).isEqualTo("#b3261e");
		assertThat(manifest.get("icons")).hasSize(4);
		boolean maskable = false;
		for (JsonNode icon : manifest.get("icons")) {
			HttpResponse<byte[]> png = get(icon.get("src").asString());
			assertThat(png.statusCode()).as(icon.get("src").asString()).isEqualTo(200);
			assertThat(Arrays.copyOf(png.body(), 4)).containsExactly(0x89, 'P', 'N', 'G');
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
			int size = Integer.parseInt(icon.get("sizes").asString().split("x")[0]);
			assertThat(image.getWidth()).isEqualTo(size);
			assertThat(image.getHeight()).isEqualTo(size);
			maskable |= icon.get("purpose").asString().equals("maskable");
		}
		assertThat(maskable).isTrue();
		assertThat(get("/img/apple-touch-icon.png").statusCode()).isEqualTo(200);
	}

	@Test
	void theServiceWorkerIsJavaScriptAlwaysRevalidatedAndListsOnlyTheStaticShell() throws Exception {
		HttpResponse<byte[]> response = get("/sw.js");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
		assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
		String worker = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(worker).containsPattern("const CACHE = 'bangfu-shell-v\\d+-[0-9a-f]{10}'")
			.containsPattern("'/css/bangfu-[0-9a-f]+\\.css'") // the fingerprinted name the pages load
			.containsPattern("'/js/bangfu-[0-9a-f]+\\.js'")
			.containsPattern("'/webjars/htmx.org/[0-9.]+/dist/htmx.min.js'")
			.doesNotContain("/api/");
		// the scripts and stylesheet the pages load are the ones precached, under the very names the pages use
		String home = new String(get("/").body(), java.nio.charset.StandardCharsets.UTF_8);
		java.util.regex.Matcher assets = java.util.regex.Pattern.compile("(?:src|href)=\"(/(?:css|js|webjars)/[^\"]+)\"").matcher(home);
		int seen = 0;
		while (assets.find()) {
			assertThat(worker).contains("'" + assets.group(1) + "'");
			seen++;
		}
		assertThat(seen).isGreaterThanOrEqualTo(3);
		// every URL the worker precaches answers, or the worker would never install
		java.util.regex.Matcher urls = java.util.regex.Pattern.compile("'(/(css|js|img|webjars)/[^']+)'").matcher(worker);
		while (urls.find()) {
			assertThat(get(urls.group(1)).statusCode()).as(urls.group(1)).isEqualTo(200);
		}
	}

	@Test
	void theFieldPageIsAShellWithoutLoginThatTheWorkerKeeps() throws Exception {
		HttpResponse<byte[]> response = get("/field");
		assertThat(response.statusCode()).isEqualTo(200);
		String page = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
		// the same for everyone: no menu, no name, nothing from the database; field.js fills it from IndexedDB
		assertThat(page).contains("离线采集", "同步农户和规则", "待发送").containsPattern("/js/field-[0-9a-f]+\\.js")
			.doesNotContain("class=\"whoami\"", "class=\"menu\"");
		String worker = new String(get("/sw.js").body(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(worker).contains("const FIELD = '/field'").containsPattern("'/js/field-[0-9a-f]+\\.js'")
			.containsPattern("'/css/field-[0-9a-f]+\\.css'");
	}

	@Test
	void theOfflinePageOpensWithoutLoginAndPointsToOfflineCollection() throws Exception {
		HttpResponse<byte[]> response = get("/offline");
		assertThat(response.statusCode()).isEqualTo(200);
		String page = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(page).contains("当前没有网络", "离线采集", "href=\"/field\"", "rel=\"manifest\"");
	}
}
