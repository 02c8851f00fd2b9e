package org.bangfu.fund;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The payment gateway (township 430421104): the local simulator's signed notification makes the gift received; a forged,
 * unsigned, stale or malformed one is refused with nothing changed; the same genuine one again changes nothing.
 */
class GatewayNotificationTest extends ApplicationTest {

	@Autowired
	GatewayNotifications notifications;

	@Autowired
	PaymentGateway gateway;

	@Autowired
	FundLedger ledger;

	private String state(String code) {
		return jdbc.sql("SELECT state FROM fund_gift WHERE reference_code = ?").param(code).query(String.class).single();
	}

	private long entries() {
		return jdbc.sql("SELECT count(*) FROM fund_ledger_entry").query(Long.class).single();
	}

	private record Answer(int status, String body) {
	}

	private Answer post(byte[] body, String signature) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/fund/gateway/notify"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			b.header("X-Bangfu-Signature", signature);
		}
		HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(r.statusCode(), r.body());
	}

	private String gift(int village, long fen) {
		ApiClient api = api();
		String donor = api.login(MoneyInFixtures.DONOR, DEMO_PASSWORD);
		String code = FundFixtures.emptyVillage(jdbc, "430421104", village);
		long need = FundFixtures.moneyNeed(jdbc, clock.instant(), code, "网关测试", 300_000, 0);
		return MoneyInFixtures.give(api, donor, need, fen);
	}

	@Test
	void aSignedNotificationIsTheGiftsMoneyAndTheSameOneAgainChangesNothing() throws Exception {
		String code = gift(6, 12_345);
		Instant now = clock.instant();
		var signed = notifications.sign("test", "n-" + System.nanoTime(), code, 12_345, now, now);
		Answer first = post(signed.body(), signed.signature());
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.body()).contains("\"RECEIVED\"");
		assertThat(state(code)).isEqualTo("RECEIVED");
		long entries = entries(), bank = ledger.balanceOrZero(FundAccounts.BANK);
		Answer again = post(signed.body(), signed.signature());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("ALREADY_RECEIVED");
		assertThat(entries()).isEqualTo(entries);
		assertThat(ledger.balanceOrZero(FundAccounts.BANK)).isEqualTo(bank);
		assertThat(jdbc.sql("SELECT memo FROM fund_ledger_entry ORDER BY seq DESC LIMIT 1").query(String.class).single()).contains("在线支付");
	}

	@Test
	void aForgedUnsignedStaleOrMalformedNotificationIsRefusedWithNothingChanged() throws Exception {
		String code = gift(7, 20_000);
		Instant now = clock.instant();
		long entries = entries();
		var signed = notifications.sign("test", "f-" + System.nanoTime(), code, 20_000, now, now);
		String tampered = new String(signed.body(), StandardCharsets.UTF_8).replace("20000", "2000000");
		Answer forged = post(tampered.getBytes(StandardCharsets.UTF_8), signed.signature());
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.body()).contains("签名不对");
		assertThat(post(signed.body(), "sha256=" + "0".repeat(64)).status()).isEqualTo(401);
		assertThat(post(signed.body(), "not-hex").status()).isEqualTo(401);
		Answer unsigned = post(signed.body(), null);
		assertThat(unsigned.status()).isEqualTo(401);
		assertThat(unsigned.body()).contains("没有签名");
		var stale = notifications.sign("test", "s-" + System.nanoTime(), code, 20_000, now.minus(Duration.ofHours(1)),
				now.minus(Duration.ofMinutes(30)));
		Answer replayed = post(stale.body(), stale.signature());
		assertThat(replayed.status()).isEqualTo(401);
		assertThat(replayed.body()).contains("重放");
		var wrongAmount = notifications.sign("test", "w-" + System.nanoTime(), code, 19_999, now, now);
		assertThat(post(wrongAmount.body(), wrongAmount.signature()).status()).isEqualTo(409);
		var unknown = notifications.sign("test", "u-" + System.nanoTime(), ReferenceCodes.next(), 20_000, now, now);
		assertThat(post(unknown.body(), unknown.signature()).status()).isEqualTo(404);
		assertThat(state(code)).isEqualTo("PROMISED");
		assertThat(entries()).isEqualTo(entries);
		assertThat(jdbc.sql("SELECT count(*) FROM fund_gateway_payment WHERE reference_code = ?").param(code).query(Long.class).single()).isZero();
	}

	@Test
	void theLocalSimulatorPaysThroughASignedNotification() throws Exception {
		String code = gift(8, 8_800);
		long id = jdbc.sql("SELECT id FROM fund_gift WHERE reference_code = ?").param(code).query(Long.class).single();
		assertThat(gateway.simulated()).isTrue();
		assertThat(gateway.start(new PaymentGateway.Payment(id, code, 8_800, "网关测试"))).isNull();
		assertThat(state(code)).isEqualTo("RECEIVED");
		assertThat(jdbc.sql("SELECT gateway FROM fund_gateway_payment WHERE reference_code = ?").param(code).query(String.class).single())
			.isEqualTo("local");
	}
}
