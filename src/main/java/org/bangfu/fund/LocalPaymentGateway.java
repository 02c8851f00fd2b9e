package org.bangfu.fund;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The local simulator: the donor "pays" on the pay page, and the simulator posts a signed notification over HTTP to this
 * application's own {@code /api/v1/fund/gateway/notify}, exactly as a real gateway's callback would arrive (the app
 * checks it like any other). For development, demos and tests; no money moves. {@code bangfu.fund.gateway.notify-url}
 * overrides where it posts (default: this server on 127.0.0.1).
 */
@Component
@ConditionalOnProperty(name = "bangfu.fund.gateway", havingValue = "local", matchIfMissing = true)
class LocalPaymentGateway implements PaymentGateway {

	private final GatewayNotifications notifications;

	private final Environment environment;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	LocalPaymentGateway(GatewayNotifications notifications, Environment environment, Clock clock) {
		this.notifications = notifications;
		this.environment = environment;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "local";
	}

	@Override
	public boolean simulated() {
		return true;
	}

	@Override
	public URI start(Payment payment) throws Exception {
		var now = clock.instant();
		GatewayNotifications.Signed signed = notifications.sign(name(), "local-" + UUID.randomUUID(), payment.referenceCode(),
				payment.amountFen(), now, now);
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(notifyUrl())
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.header("X-Bangfu-Signature", signed.signature())
			.POST(HttpRequest.BodyPublishers.ofByteArray(signed.body()))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			// the app's own refusal (problem+json): hand its Chinese detail on to the donor
			var detail = java.util.regex.Pattern.compile("\"detail\"\\s*:\\s*\"([^\"]*)\"").matcher(answer.body());
			throw new org.bangfu.shared.ConflictException("fund.pay.refused", detail.find() ? detail.group(1) : String.valueOf(answer.statusCode()));
		}
		return null;
	}

	private URI notifyUrl() {
		String configured = environment.getProperty("bangfu.fund.gateway.notify-url");
		if (configured != null && !configured.isBlank()) {
			return URI.create(configured);
		}
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		String context = environment.getProperty("server.servlet.context-path", "");
		return URI.create("http://127.0.0.1:" + port + context + "/api/v1/fund/gateway/notify");
	}
}
