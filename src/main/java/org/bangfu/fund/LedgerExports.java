package org.bangfu.fund;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Verifies an exported ledger offline (the jar's {@code verify-ledger} mode): reads the export's entries as they stand
 * and recomputes their chain with the same rules as {@link FundLedger#verify}, without a database.
 */
public final class LedgerExports {

	static final String FORMAT = "bangfu-fund-ledger/1";

	private LedgerExports() {
	}

	/** The chain of the export; an unreadable file or another format is refused with the reason. */
	public static ChainVerification verify(String exported) {
		JsonNode doc;
		try {
			doc = JsonMapper.builder().build().readTree(exported);
		}
		catch (JacksonException e) {
			throw new IllegalArgumentException("not a JSON document: " + e.getOriginalMessage());
		}
		if (doc == null || !FORMAT.equals(doc.path("format").asString(""))) {
			throw new IllegalArgumentException("not a ledger export of format " + FORMAT);
		}
		List<LedgerEntry> entries = new ArrayList<>();
		for (JsonNode e : doc.path("entries")) {
			List<LedgerLine> lines = new ArrayList<>();
			for (JsonNode l : e.path("lines")) {
				lines.add(new LedgerLine(l.path("account").asString(""), l.path("amount").asLong()));
			}
			entries.add(new LedgerEntry(e.path("seq").asLong(), e.path("kind").asString(""), e.path("memo").asString(""),
					java.time.Instant.parse(e.path("postedAt").asString("")), LedgerEntry.sorted(lines),
					e.path("prevHash").asString(""), e.path("hash").asString("")));
		}
		entries.sort(java.util.Comparator.comparingLong(LedgerEntry::seq));
		return ChainVerification.of(entries);
	}
}
