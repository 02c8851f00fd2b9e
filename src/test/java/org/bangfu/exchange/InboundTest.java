package org.bangfu.exchange;

import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks on receipt, without Spring: a city node 430400 sends to the provincial node 430000. */
class InboundTest {

	static final KeyPair CITY = NodeKeys.generate();
	static final KeyPair OTHER = NodeKeys.generate();

	final Inbound province = new Inbound("430000");
	final Map<String, PublicKey> known = Map.of("430400", CITY.getPublic(), "430500", OTHER.getPublic());

	static ObjectNode payload() {
		return (ObjectNode) CanonicalJson.MAPPER.readTree("""
				{"id":7,"originNode":"430400","state":"PUBLISHED","remainingQuantity":3}""");
	}

	static Envelope message(long sequence) {
		return Envelope.unsigned("430400", "430000", sequence, MessageKind.NEED_CHANGED, Instant.parse("2026-12-07T15:30:00Z"), payload());
	}

	@Test
	void aSignedMessageIsAcceptedAlsoAfterTravellingAsText() {
		Envelope signed = Envelopes.sign(message(1), CITY.getPrivate());
		assertThat(province.check(signed, known, 0).isAccepted()).isTrue();
		assertThat(province.check(Envelopes.text(signed), known, 0).isAccepted()).isTrue();
		assertThat(province.check(Envelopes.text(Envelopes.sign(message(6), CITY.getPrivate())), known, 5).isAccepted()).isTrue();
	}

	@Test
	void aFlippedByteInThePayloadBreaksTheSignature() {
		String text = Envelopes.text(Envelopes.sign(message(1), CITY.getPrivate()));
		String altered = text.replace("\"remainingQuantity\":3", "\"remainingQuantity\":2");
		assertThat(altered).isNotEqualTo(text);
		assertThat(province.check(altered, known, 0).refusal()).isEqualTo(Refusal.BAD_SIGNATURE);
	}

	@Test
	void anotherNodesKeyOrNoSignatureIsABadSignature() {
		assertThat(province.check(Envelopes.sign(message(1), OTHER.getPrivate()), known, 0).refusal()).isEqualTo(Refusal.BAD_SIGNATURE);
		assertThat(province.check(message(1), known, 0).refusal()).isEqualTo(Refusal.BAD_SIGNATURE);
		String garbled = Envelopes.text(Envelopes.sign(message(1), CITY.getPrivate())).replaceAll("\"signature\":\"[^\"]*\"", "\"signature\":\"!!\"");
		assertThat(province.check(garbled, known, 0).refusal()).isEqualTo(Refusal.BAD_SIGNATURE);
	}

	@Test
	void anUnknownSenderIsRefused() {
		Envelope stranger = Envelopes.sign(Envelope.unsigned("440100", "430000", 1, MessageKind.NEED_CHANGED, Instant.now(), payload()),
				NodeKeys.generate().getPrivate());
		assertThat(province.check(stranger, known, 0).refusal()).isEqualTo(Refusal.UNKNOWN_NODE);
	}

	@Test
	void replaysAndGapsAreRefused() {
		Envelope third = Envelopes.sign(message(3), CITY.getPrivate());
		assertThat(province.check(third, known, 3).refusal()).isEqualTo(Refusal.REPLAY);
		assertThat(province.check(third, known, 7).refusal()).isEqualTo(Refusal.REPLAY);
		assertThat(province.check(third, known, 1).refusal()).isEqualTo(Refusal.GAP);
		assertThat(province.check(third, known, 2).isAccepted()).isTrue();
	}

	@Test
	void aMessageForAnotherNodeIsRefused() {
		Envelope forCity = Envelopes.sign(message(1), CITY.getPrivate());
		assertThat(new Inbound("430500").check(forCity, known, 0).refusal()).isEqualTo(Refusal.NOT_FOR_US);
	}

	@Test
	void anotherVersionAndMalformedTextAreRefused() {
		Envelope m = message(1);
		Envelope v2 = Envelopes.sign(new Envelope("bangfu-exchange/2", m.sender(), m.receiver(), 1, m.kind(), m.sentAt(), m.payload(), null),
				CITY.getPrivate());
		assertThat(province.check(v2, known, 0).refusal()).isEqualTo(Refusal.BAD_VERSION);
		assertThat(province.check("not json", known, 0).refusal()).isEqualTo(Refusal.MALFORMED);
		assertThat(province.check("[1,2]", known, 0).refusal()).isEqualTo(Refusal.MALFORMED);
		String noKind = Envelopes.text(Envelopes.sign(m, CITY.getPrivate())).replace("NEED_CHANGED", "NEED_EATEN");
		assertThat(province.check(noKind, known, 0).refusal()).isEqualTo(Refusal.MALFORMED);
		assertThat(province.check("{\"version\":\"bangfu-exchange/1\",\"sequence\":\"1\",\"payload\":{}}", known, 0).refusal())
			.isEqualTo(Refusal.MALFORMED);
	}

	@Test
	void everyRefusalHasAMessageInBothBundles() throws Exception {
		for (String bundle : new String[] { "exchange/messages.properties", "exchange/messages_en.properties" }) {
			java.util.Properties messages = new java.util.Properties();
			try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
				messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
			for (Refusal r : Refusal.values()) {
				assertThat(messages.getProperty(r.messageKey())).as(bundle + " " + r).isNotBlank();
			}
		}
	}
}
