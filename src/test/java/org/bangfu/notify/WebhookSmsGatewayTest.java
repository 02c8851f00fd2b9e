package org.bangfu.notify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The webhook adapter against a real HTTP relay on loopback. */
class WebhookSmsGatewayTest {

	static final String SECRET = "relay-shared-secret-0123456789";

	HttpServer relay;

	final AtomicReference<String> body = new AtomicReference<>();

	final AtomicReference<String> signature = new AtomicReference<>();

	volatile int answer = 200;

	@BeforeEach
	void start() throws IOException {
		relay = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		relay.createContext("/sms", exchange -> {
			body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			signature.set(exchange.getRequestHeaders().getFirst("X-Bangfu-Signature"));
			exchange.sendResponseHeaders(answer, -1);
			exchange.close();
		});
		relay.start();
	}

	@AfterEach
	void stop() {
		relay.stop(0);
	}

	private WebhookSmsGateway gateway() {
		return new WebhookSmsGateway("http://127.0.0.1:" + relay.getAddress().getPort() + "/sms", SECRET);
	}

	@Test
	void postsTheMessageSigned() throws Exception {
		gateway().deliver(7, "13800000004", "【衡阳社会扶贫网】您的验证码是 123456");
		assertThat(body.get()).contains("\"id\":7", "\"phone\":\"13800000004\"", "验证码是 123456");
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		assertThat(signature.get()).isEqualTo("sha256=" + HexFormat.of().formatHex(mac.doFinal(body.get().getBytes(StandardCharsets.UTF_8))));
	}

	@Test
	void aRefusalByTheRelayIsAFailureToRetry() {
		answer = 503;
		assertThatThrownBy(() -> gateway().deliver(8, "13800000004", "x")).hasMessageContaining("503");
	}

	@Test
	void aShortSecretIsAConfigurationError() {
		assertThatThrownBy(() -> new WebhookSmsGateway("http://127.0.0.1:1/sms", "short")).hasMessageContaining("16 characters");
	}
}
