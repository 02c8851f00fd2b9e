package org.bangfu.need;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The fingerprint of what a need asks for, as the household confirms it: category, title, story, every line (kind, name,
 * quantity, unit, value, money or goods), urgency, date and sale. Pledged quantities are left out: they change after
 * verification, what was asked for does not. Any edit of the content gives another fingerprint, and the household's
 * word on the old content no longer counts.
 */
final class ContentFingerprint {

	private ContentFingerprint() {
	}

	static String of(NeedContent c) {
		List<Object> fields = new ArrayList<>(List.of(c.category(), c.title(), c.story()));
		fields.add(c.urgency());
		fields.add(c.neededBy());
		for (NeedItem i : c.items()) {
			fields.addAll(Arrays.asList(i.kind(), i.name(), i.quantity(), i.unit(), i.valueFen(), i.money()));
		}
		ProductSale sale = c.sale();
		if (sale != null) {
			fields.addAll(Arrays.asList(sale.product(), sale.priceFen(), sale.productionCycle(), sale.fromMonth(), sale.toMonth()));
		}
		// length-prefixed, so that no two different contents run together into the same text
		StringBuilder s = new StringBuilder();
		for (Object value : fields) {
			String v = value == null ? "\u0000" : value.toString();
			s.append(v.length()).append(':').append(v).append('|');
		}
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The first 8 characters, upper case: printed on the paper form, so the verifier can see it belongs to this content. */
	static String shortOf(NeedContent c) {
		return of(c).substring(0, 8).toUpperCase(Locale.ROOT);
	}
}
