package org.bangfu.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts each message as JSON {@code {"id","phone","text"}} to {@code bangfu.sms.webhook.url}, signed
 * with {@code X-Bangfu-Signature: sha256=<hex HMAC-SHA256 of the body>} under
 * {@code bangfu.sms.webhook.secret}. A small relay at the operator's side turns that into the call of
 * their provider (Aliyun, Tencent Cloud, a carrier gateway), keeping provider credentials out of Bangfu.
 */
@Component
@ConditionalOnProperty(name = "bangfu.sms.provider", havingValue = "webhook")
class WebhookSmsGateway implements SmsGateway {

	private final URI url;

	private final byte[] secret;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	WebhookSmsGateway(@Value("${bangfu.sms.webhook.url}") String url, @Value("${bangfu.sms.webhook.secret}") String secret) {
		this.url = URI.create(url);
		if (secret == null || secret.length() < 16) {
			throw new IllegalStateException("bangfu.sms.webhook.secret must be at least 16 characters");
		}
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public String name() {
		return "webhook";
	}

	@Override
	public void deliver(long messageId, String phone, String text) throws Exception {
		Map<String, Object> message = new LinkedHashMap<>();
		message.put("id", messageId);
		message.put("phone", phone);
		message.put("text", text);
		String body = json.writeValueAsString(message);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret, "HmacSHA256"));
		String signature = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json; charset=utf-8")
			.header("X-Bangfu-Signature", "sha256=" + signature)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException("SMS relay answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(200, response.body().length())));
		}
	}
}
