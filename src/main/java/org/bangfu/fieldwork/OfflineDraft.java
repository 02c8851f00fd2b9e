package org.bangfu.fieldwork;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedContent;
import org.bangfu.need.NeedItem;
import org.bangfu.need.Urgency;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A need drafted offline, as the phone sends it (part {@code draft} of the multipart request, docs/offline.md). The
 * items take the fields of {@code POST /api/v1/needs} ({@code valueFen} the line's value), and also
 * {@code unitPriceFen} (the value is then quantity × unit price); {@code description} is the need's story
 * ({@code story} is read too).
 */
public record OfflineDraft(String draftKey, Long householdId, String householdVersion, String category, String title, String description,
		String story, String urgency, LocalDate neededBy, List<Item> items, ConsentRecord consent, ConfirmationRecord confirmation,
		Instant draftedAt) {

	public record Item(String kind, String name, Integer quantity, String unit, Long valueFen, Long unitPriceFen, Boolean money) {
	}

	/**
	 * A consent recorded offline, its signed form photographed (part {@code consentForm}). {@code kind} (or several in
	 * {@code kinds}): POST_ON_BEHALF, PUBLISH_PHOTOS, PUBLICITY; {@code method} SIGNED_FORM_PHOTO (default) or THUMBPRINT_PHOTO.
	 */
	public record ConsentRecord(String kind, List<String> kinds, String method, Instant recordedAt) {

		List<String> allKinds() {
			List<String> all = new ArrayList<>();
			if (kind != null && !kind.isBlank()) {
				all.add(kind.strip());
			}
			if (kinds != null) {
				kinds.stream().filter(k -> k != null && !k.isBlank()).map(String::strip).forEach(all::add);
			}
			return all;
		}
	}

	/** The household's confirmation of what was drafted, by its signed form (part {@code confirmationForm}); method FORM. */
	public record ConfirmationRecord(String method, Instant recordedAt) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	/** Reads and checks the draft's JSON: a BAD_DRAFT refusal when it is malformed or lacks what every draft has. */
	public static OfflineDraft parse(String json) {
		if (json == null || json.isBlank()) {
			throw bad(null, "draft", "fieldwork.draft.missing");
		}
		OfflineDraft d;
		try {
			d = JSON.readValue(json, OfflineDraft.class);
		}
		catch (JacksonException e) {
			throw bad(keyOf(json), "draft", "fieldwork.draft.malformed");
		}
		if (d == null) {
			throw bad(null, "draft", "fieldwork.draft.missing");
		}
		try {
			UUID.fromString(d.draftKey() == null ? "" : d.draftKey());
		}
		catch (IllegalArgumentException e) {
			throw bad(null, "draftKey", "fieldwork.draft.key");
		}
		String key = d.draftKey();
		if (d.householdId() == null) {
			throw bad(key, "householdId", "fieldwork.draft.household");
		}
		if (d.householdVersion() == null || d.householdVersion().isBlank()) {
			throw bad(key, "householdVersion", "fieldwork.draft.version");
		}
		if (d.draftedAt() == null) {
			throw bad(key, "draftedAt", "fieldwork.draft.drafted-at");
		}
		if (d.category() == null || OfflinePack.CATEGORIES.stream().noneMatch(c -> c.name().equals(d.category()))) {
			throw bad(key, "category", "fieldwork.draft.category");
		}
		if (d.consent() != null && d.consent().recordedAt() == null) {
			throw bad(key, "consent.recordedAt", "fieldwork.draft.consent-time");
		}
		if (d.confirmation() != null && !"FORM".equals(d.confirmation().method())) {
			throw bad(key, "confirmation.method", "fieldwork.draft.confirmation-method");
		}
		return d;
	}

	/** The need's content as {@code need.NeedPosting} takes it (which then checks it as it checks the online form). */
	NeedContent content() {
		List<NeedItem> lines = new ArrayList<>();
		if (items != null) {
			int line = 0;
			for (Item i : items) {
				line++;
				if (i == null) {
					throw bad(draftKey, "items[" + (line - 1) + "]", "need.item-name", line);
				}
				int quantity = i.quantity() == null ? 0 : i.quantity();
				Long value;
				try {
					value = i.valueFen() != null ? i.valueFen() : i.unitPriceFen() == null ? null : Math.multiplyExact(i.unitPriceFen(), (long) quantity);
				}
				catch (ArithmeticException e) {
					throw bad(draftKey, "items[" + (line - 1) + "].unitPriceFen", "need.item-value-negative", line);
				}
				if (value == null) {
					throw bad(draftKey, "items[" + (line - 1) + "].valueFen", "need.item-value-required");
				}
				lines.add(new NeedItem(i.kind(), i.name(), quantity, i.unit(), value, 0, Boolean.TRUE.equals(i.money())));
			}
		}
		Urgency u;
		try {
			u = urgency == null || urgency.isBlank() ? Urgency.NORMAL : Urgency.valueOf(urgency);
		}
		catch (IllegalArgumentException e) {
			throw bad(draftKey, "urgency", "fieldwork.draft.urgency");
		}
		String text = description != null ? description : story;
		return new NeedContent(NeedCategory.valueOf(category), title, text, lines, u, neededBy, null);
	}

	private static String keyOf(String json) {
		try {
			JsonNode key = JSON.readTree(json).get("draftKey");
			return key == null || !key.isString() ? null : key.asString();
		}
		catch (JacksonException e) {
			return null;
		}
	}

	static DraftRefused bad(String draftKey, String field, String messageKey, Object... args) {
		return new DraftRefused(draftKey, new DraftProblem(DraftProblem.Code.BAD_DRAFT, field, messageKey, args));
	}
}
