package org.bangfu.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/exchange.md and docs/exchange/*.schema.json agree: the schemas parse, the examples hold, the signature is real. */
class ExchangeDocsTest {

	static final Path DOCS = Path.of("docs");

	static final Pattern EXAMPLE = Pattern.compile("<!-- example: ([a-z-]+) -->\\s*```json\\n(.*?)\\n```", Pattern.DOTALL);

	static final Map<MessageKind, String> SCHEMA_OF_KIND = Map.of(MessageKind.NEED_PUBLISHED, "need-published",
			MessageKind.NEED_CHANGED, "need-changed", MessageKind.PLEDGE_REQUESTED, "pledge-requested", MessageKind.PLEDGE_ANSWERED,
			"pledge-answered");

	@Test
	void theSchemasParseAndThereIsOneForEachKind() throws IOException {
		try (Stream<Path> files = Files.list(DOCS.resolve("exchange"))) {
			List<Path> schemas = files.filter(p -> p.toString().endsWith(".schema.json")).toList();
			assertThat(schemas).hasSize(5);
			for (Path p : schemas) {
				JsonNode schema = CanonicalJson.MAPPER.readTree(Files.readString(p));
				assertThat(schema.get("$schema").stringValue()).as(p.toString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
				assertThat(schema.get("required").isArray()).as(p.toString()).isTrue();
			}
		}
		for (String name : SCHEMA_OF_KIND.values()) {
			assertThat(DOCS.resolve("exchange/" + name + ".schema.json")).exists();
		}
	}

	@Test
	void everyExampleHasTheRequiredFieldsOfItsSchema() throws IOException {
		Matcher m = EXAMPLE.matcher(Files.readString(DOCS.resolve("exchange.md")));
		int examples = 0;
		while (m.find()) {
			JsonNode example = CanonicalJson.MAPPER.readTree(m.group(2));
			assertHasRequired(m.group(1), example);
			if (m.group(1).equals("envelope")) {
				assertHasRequired(SCHEMA_OF_KIND.get(MessageKind.valueOf(example.get("kind").stringValue())), example.get("payload"));
			}
			examples++;
		}
		assertThat(examples).isGreaterThanOrEqualTo(4);
	}

	@Test
	void theWorkedExampleCarriesARealSignature() throws IOException {
		String doc = Files.readString(DOCS.resolve("exchange.md"));
		Matcher key = Pattern.compile("`(MCowBQYDK2VwAyEA[A-Za-z0-9+/=]{44})`").matcher(doc);
		assertThat(key.find()).isTrue();
		Matcher envelope = EXAMPLE.matcher(doc);
		assertThat(envelope.find()).isTrue();
		assertThat(envelope.group(1)).isEqualTo("envelope");
		Receipt receipt = new Inbound("430000").check(envelope.group(2), Map.of("430400", NodeKeys.publicKey(key.group(1))), 0);
		assertThat(receipt.refusal()).isNull();
		assertThat(doc).contains("```text\n" + new String(Envelopes.signedBytes(receipt.envelope()), java.nio.charset.StandardCharsets.UTF_8) + "\n```");
	}

	private static void assertHasRequired(String schemaName, JsonNode instance) throws IOException {
		JsonNode schema = CanonicalJson.MAPPER.readTree(Files.readString(DOCS.resolve("exchange/" + schemaName + ".schema.json")));
		for (JsonNode field : schema.get("required")) {
			assertThat(instance.has(field.stringValue())).as(schemaName + " example has " + field.stringValue()).isTrue();
		}
		JsonNode items = schema.path("properties").path("items").path("items").path("required");
		if (instance.has("items") && items.isArray()) {
			for (JsonNode item : instance.get("items")) {
				for (JsonNode field : items) {
					assertThat(item.has(field.stringValue())).as(schemaName + " item has " + field.stringValue()).isTrue();
				}
			}
		}
	}
}
