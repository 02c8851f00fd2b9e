package org.bangfu.account.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The installable shell (issue 18, first slice): the web app manifest, the service worker and the offline page.
 * The worker is written here rather than kept as a static file because the pages load the fingerprinted CSS and
 * JS (bangfu-&lt;hash&gt;.css): only the server knows those names, and their hash also names the worker's cache, so
 * a release with new assets drops the old cache by itself.
 */
@Controller
class AppShellController {

	/** Raised by hand when the worker's own logic changes; asset changes already change the cache name. */
	static final String WORKER_VERSION = "2";

	/** The static shell the offline page needs, and the logo and icons; nothing with personal data. */
	private static final List<String> SHELL = List.of("/css/bangfu.css", "/js/bangfu.js",
			"/webjars/htmx.org/dist/htmx.min.js", "/img/logo.svg", "/img/icon-192.png", "/img/icon-512.png",
			"/img/icon-maskable-192.png", "/img/icon-maskable-512.png", "/img/apple-touch-icon.png",
			// the offline collection page's own script and styles (fieldwork.web.FieldPages, issue 18)
			"/js/field.js", "/css/field.css");

	static final MediaType MANIFEST = MediaType.parseMediaType("application/manifest+json");

	/** Only a web application has one: the command-line mode (imports, ledger check) starts without it. */
	private final ObjectProvider<ResourceUrlProvider> resourceUrls;

	AppShellController(ObjectProvider<ResourceUrlProvider> resourceUrls) {
		this.resourceUrls = resourceUrls;
	}

	/**
	 * start_url is the home page, not /needs/mine: the app is installed by officers, managers and donors alike, and
	 * /needs/mine would answer a donor with 403 and a signed-out officer with the login; the home page is public,
	 * and a signed-in person reaches their work page from the menu (login itself lands there, see LandingPage).
	 */
	@GetMapping("/manifest.webmanifest")
	ResponseEntity<Map<String, Object>> manifest() {
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("name", "帮扶 · 衡阳市社会扶贫网");
		manifest.put("short_name", "帮扶");
		manifest.put("lang", "zh-CN");
		manifest.put("start_url", "/?source=pwa");
		manifest.put("scope", "/");
		manifest.put("display", "standalone");
		manifest.put("theme_color", "#b3261e"); // --red, the header's colour in bangfu.css
		manifest.put("background_color", "#ffffff");
		manifest.put("icons", List.of(icon("/img/icon-192.png", "192x192", "any"), icon("/img/icon-512.png", "512x512", "any"),
				icon("/img/icon-maskable-192.png", "192x192", "maskable"),
				icon("/img/icon-maskable-512.png", "512x512", "maskable")));
		return ResponseEntity.ok().contentType(MANIFEST).cacheControl(CacheControl.noCache()).body(manifest);
	}

	private static Map<String, String> icon(String src, String sizes, String purpose) {
		return Map.of("src", src, "sizes", sizes, "type", "image/png", "purpose", purpose);
	}

	/** Always revalidated (no-cache), so a new release's worker is found on the next visit. */
	@GetMapping(value = "/sw.js", produces = "text/javascript")
	ResponseEntity<String> serviceWorker() {
		List<String> shell = SHELL.stream().map(this::fingerprinted).toList();
		String cache = "bangfu-shell-v" + WORKER_VERSION + "-"
				+ DigestUtils.md5DigestAsHex(String.join("\n", shell).getBytes(StandardCharsets.UTF_8)).substring(0, 10);
		String precache = shell.stream().map(u -> "'" + u + "'").collect(Collectors.joining(", "));
		String body = WORKER.replace("__CACHE__", cache).replace("__SHELL__", precache);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
			.cacheControl(CacheControl.noCache()).body(body);
	}

	private String fingerprinted(String path) {
		return Objects.requireNonNullElse(resourceUrls.getObject().getForLookupPath(path), path);
	}

	/** What still works without a network today, said honestly; the page carries nobody's data, so it may be cached. */
	@GetMapping("/offline")
	String offline() {
		return "account/offline";
	}

	private static final String WORKER = """
			// Bangfu's service worker: the static shell cache-first, pages network-first with /offline as the
			// fallback, and /field (offline collection) with its own cached shell. Only the shell, the offline page and
			// the /field shell are ever cached: no other page, API answer or photo (field.js keeps its data itself).
			const CACHE = '__CACHE__';
			const SHELL = [__SHELL__];
			const OFFLINE = '/offline';
			const FIELD = '/field';

			self.addEventListener('install', (event) => {
			  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(
			    // the offline page is fetched without cookies, so it is the anonymous page whoever is signed in
			    SHELL.concat([new Request(OFFLINE, { credentials: 'omit' }), new Request(FIELD, { credentials: 'omit' })])))
			    .then(() => self.skipWaiting()));
			});

			self.addEventListener('activate', (event) => {
			  event.waitUntil(caches.keys()
			    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('bangfu-shell-') && k !== CACHE)
			      .map((k) => caches.delete(k))))
			    .then(() => self.clients.claim()));
			});

			self.addEventListener('fetch', (event) => {
			  const request = event.request;
			  if (request.method !== 'GET') {
			    return;
			  }
			  const url = new URL(request.url);
			  if (url.origin !== self.location.origin) {
			    return;
			  }
			  if (request.mode === 'navigate') {
			    const fallback = url.pathname === FIELD ? FIELD : OFFLINE;
			    event.respondWith(fetch(request).catch(() => caches.match(fallback)));
			    return;
			  }
			  if (SHELL.includes(url.pathname)) {
			    event.respondWith(caches.match(request, { ignoreSearch: true })
			      .then((hit) => hit || fetch(request)));
			  }
			});
			""";
}
