package org.bangfu.fund;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotAuthenticatedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment gateway's notification that a gift was paid (format in docs/fund.md): the signature over the raw body is
 * checked first (HMAC-SHA256, constant time), then its timestamp (a notification older or newer than
 * {@value #WINDOW_MINUTES} minutes is refused as a replay), then its content; only then is the money the gift's
 * ({@link GiftArrival#received}, "在线支付"). The same notification id again is answered as the first time and changes
 * nothing; anything refused changes nothing.
 */
@Service
public class GatewayNotifications {

	static final int WINDOW_MINUTES = 5;

	static final String FORMAT = "bangfu-payment-notification/1";

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:-]{1,100}");

	public record Outcome(String status, long giftId, String referenceCode, String receiptNumber) {
	}

	private record Notice(String id, String gateway, String code, long amountFen, Instant paidAt, Instant timestamp) {
	}

	private final GatewayKey key;

	private final GiftArrival arrival;

	private final Gifts gifts;

	private final FundLedger ledger;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	GatewayNotifications(GatewayKey key, GiftArrival arrival, Gifts gifts, FundLedger ledger, JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.key = key;
		this.arrival = arrival;
		this.gifts = gifts;
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	public Outcome receive(byte[] body, String signatureHeader) {
		if (signatureHeader == null || signatureHeader.isBlank()) {
			throw new NotAuthenticatedException("fund.gateway.unsigned");
		}
		String signature = signatureHeader.strip();
		if (signature.startsWith("sha256=")) {
			signature = signature.substring("sha256=".length());
		}
		if (body == null || !key.verifies(body, signature)) {
			throw new NotAuthenticatedException("fund.gateway.forged");
		}
		Notice notice = parse(body);
		Instant now = clock.instant();
		if (Duration.between(notice.timestamp(), now).abs().compareTo(Duration.ofMinutes(WINDOW_MINUTES)) > 0) {
			throw new NotAuthenticatedException("fund.gateway.stale", notice.timestamp().toString());
		}
		jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?))").param("fund-gateway:" + notice.id()).query(Integer.class).single();
		Optional<Object[]> earlier = jdbc.sql("SELECT reference_code, amount_fen, gift_id FROM fund_gateway_payment WHERE notification_id = ?")
			.param(notice.id())
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2), rs.getLong(3) })
			.optional();
		if (earlier.isPresent()) {
			if (!earlier.get()[0].equals(notice.code()) || (long) earlier.get()[1] != notice.amountFen()) {
				throw new ConflictException("fund.gateway.id-reused", notice.id());
			}
			Gift gift = gifts.get((long) earlier.get()[2]);
			return new Outcome("ALREADY_RECEIVED", gift.id(), gift.referenceCode(), gift.receiptNumber());
		}
		Gift gift = arrival.received(notice.code(), notice.amountFen(), "在线支付", notice.paidAt());
		jdbc.sql("""
				INSERT INTO fund_gateway_payment (gateway, notification_id, body_sha256, reference_code, amount_fen, paid_at, gift_id, ledger_seq,
				                                  received_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(notice.gateway(), notice.id(), StatementImport.sha256(body), notice.code(), notice.amountFen(), Timestamp.from(notice.paidAt()),
					gift.id(), ledger.head().seq(), Timestamp.from(now))
			.update();
		return new Outcome("RECEIVED", gift.id(), gift.referenceCode(), gift.receiptNumber());
	}

	private Notice parse(byte[] body) {
		JsonNode n;
		try {
			n = json.readTree(body);
		}
		catch (RuntimeException e) {
			throw new BadInputException("fund.gateway.malformed", "JSON");
		}
		if (n == null || !n.isObject() || !FORMAT.equals(text(n, "format"))) {
			throw new BadInputException("fund.gateway.malformed", "format");
		}
		String id = text(n, "notificationId");
		if (id == null || !ID.matcher(id).matches()) {
			throw new BadInputException("fund.gateway.malformed", "notificationId");
		}
		String code = text(n, "referenceCode");
		if (code == null || !ReferenceCodes.valid(code)) {
			throw new BadInputException("fund.gateway.malformed", "referenceCode");
		}
		JsonNode amount = n.get("amountFen");
		if (amount == null || !amount.isIntegralNumber() || !amount.canConvertToLong() || amount.longValue() <= 0) {
			throw new BadInputException("fund.gateway.malformed", "amountFen");
		}
		String gateway = text(n, "gateway");
		return new Notice(id, gateway == null || gateway.isBlank() ? "unknown" : gateway.substring(0, Math.min(40, gateway.length())), code,
				amount.longValue(), instant(n, "paidAt"), instant(n, "timestamp"));
	}

	private static String text(JsonNode n, String field) {
		JsonNode v = n.get(field);
		return v != null && v.isString() ? v.asString() : null;
	}

	private static Instant instant(JsonNode n, String field) {
		try {
			return Instant.parse(String.valueOf(text(n, field)));
		}
		catch (DateTimeParseException e) {
			throw new BadInputException("fund.gateway.malformed", field);
		}
	}

	/** Writes and signs a notification as a gateway would: for the simulator, and for tests. */
	record Signed(byte[] body, String signature) {
	}

	Signed sign(String gateway, String notificationId, String referenceCode, long amountFen, Instant paidAt, Instant timestamp) {
		var doc = new java.util.LinkedHashMap<String, Object>();
		doc.put("format", FORMAT);
		doc.put("notificationId", notificationId);
		doc.put("gateway", gateway);
		doc.put("referenceCode", referenceCode);
		doc.put("amountFen", amountFen);
		doc.put("paidAt", paidAt.toString());
		doc.put("timestamp", timestamp.toString());
		byte[] body = json.writeValueAsBytes(doc);
		return new Signed(body, "sha256=" + key.sign(body));
	}
}
