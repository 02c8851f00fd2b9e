package org.bangfu.fieldwork;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.household.Consent;
import org.bangfu.household.Household;
import org.bangfu.need.AbuseRules;
import org.bangfu.need.CategoryRule;
import org.bangfu.need.CategoryRules;
import org.bangfu.need.NeedContent;
import org.bangfu.need.NeedItem;
import org.bangfu.need.NeedPhotos;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.PhotoProcessing;
import org.bangfu.shared.TooLargeException;
import org.bangfu.shared.UnsupportedFormatException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * The checks a draft passes before anything of it is written, so that a refused draft leaves no photo file behind:
 * its photos (the shared {@link PhotoProcessing} checks: told by their bytes, 10 MB, no decompression bombs), the
 * household's consent and version, and the category's rules with the need module's own message keys. The need
 * module checks the rest again when the need is made ({@code NeedPosting}); its refusals are turned into problems here.
 */
@Component
class DraftChecks {

	private final CategoryRules rules;

	DraftChecks(CategoryRules rules) {
		this.rules = rules;
	}

	void photos(String key, DraftReceipt.Files files) {
		if (files.photos().size() > NeedPhotos.MAX_PHOTOS) {
			throw OfflineDraft.bad(key, "photo", "need.photo-too-many", NeedPhotos.MAX_PHOTOS);
		}
		for (int i = 0; i < files.photos().size(); i++) {
			check(key, "photo[" + i + "]", files.photos().get(i));
		}
		if (files.consentForm() != null) {
			check(key, "consentForm", files.consentForm());
		}
		if (files.confirmationForm() != null) {
			check(key, "confirmationForm", files.confirmationForm());
		}
	}

	private static void check(String key, String field, byte[] photo) {
		try {
			PhotoProcessing.process(new ByteArrayInputStream(photo));
		}
		catch (BadInputException e) {
			throw new DraftRefused(key, new DraftProblem(photoCode(e), field, e.messageKey(), e.args()));
		}
	}

	private static DraftProblem.Code photoCode(BadInputException e) {
		return e instanceof TooLargeException ? DraftProblem.Code.PHOTO_TOO_LARGE : DraftProblem.Code.PHOTO_NOT_IMAGE;
	}

	/**
	 * The household as the draft knew it: the consent to post on its behalf (or one recorded with the draft, its form
	 * attached), the confirmation's form when a confirmation is sent, and the version of the pack.
	 */
	void household(OfflineDraft draft, Household household, List<Consent> consents, boolean postingAllowed, DraftReceipt.Files files) {
		String key = draft.draftKey();
		if (draft.consent() != null) {
			List<String> kinds = draft.consent().allKinds();
			if (kinds.isEmpty() || !List.of("POST_ON_BEHALF", "PUBLISH_PHOTOS", "PUBLICITY").containsAll(kinds)) {
				throw OfflineDraft.bad(key, "consent.kind", "fieldwork.draft.consent-kind");
			}
			if (files.consentForm() == null) {
				throw OfflineDraft.bad(key, "consentForm", "consent.photo-required");
			}
		}
		if (draft.confirmation() != null && files.confirmationForm() == null) {
			throw OfflineDraft.bad(key, "confirmationForm", "fieldwork.draft.confirmation-form");
		}
		List<DraftProblem> problems = new ArrayList<>();
		boolean draftConsents = draft.consent() != null && draft.consent().allKinds().contains("POST_ON_BEHALF");
		if (!postingAllowed && !draftConsents) {
			boolean revoked = consents.stream().anyMatch(c -> c.postOnBehalf() && !c.active());
			problems.add(revoked ? new DraftProblem(DraftProblem.Code.CONSENT_REVOKED, "consent", "fieldwork.consent-revoked")
					: new DraftProblem(DraftProblem.Code.CONSENT_MISSING, "consent", "need.consent-missing"));
		}
		if (!HouseholdVersion.of(household, consents).equals(draft.householdVersion())) {
			problems.add(new DraftProblem(DraftProblem.Code.HOUSEHOLD_CHANGED, "householdVersion", "fieldwork.household-changed"));
		}
		if (!problems.isEmpty()) {
			throw new DraftRefused(key, problems);
		}
	}

	/** The category's limits, item kinds and required photos, told with the words of the online form. */
	void rules(String key, NeedContent content, int photoCount) {
		CategoryRule rule = rules.of(content.category());
		int line = 0;
		long total = 0;
		for (NeedItem i : content.items()) {
			line++;
			String kind = i.kind() == null || i.kind().isBlank() ? null : i.kind().strip();
			if (kind != null && !rule.itemKinds().contains(kind)) {
				throw violated(key, "items[" + (line - 1) + "].kind", "need.item-kind", line, kind, String.join("、", rule.itemKinds()));
			}
			if (i.valueFen() > rule.maxItemValueFen()) {
				throw violated(key, "items[" + (line - 1) + "].valueFen", "need.item-value-cap", line, AbuseRules.yuan(rule.maxItemValueFen()));
			}
			total += Math.max(0, i.valueFen());
		}
		if (total > rule.maxNeedValueFen()) {
			throw violated(key, "items", "need.value-cap", AbuseRules.yuan(rule.maxNeedValueFen()));
		}
		if (photoCount < rule.minPhotos()) {
			throw violated(key, "photo", "need.photos-required", new DefaultMessageSourceResolvable(content.category().label()), rule.minPhotos());
		}
	}

	private static DraftRefused violated(String key, String field, String messageKey, Object... args) {
		return new DraftRefused(key, new DraftProblem(DraftProblem.Code.RULE_VIOLATED, field, messageKey, args));
	}

	/** A refusal of the need or household module while the draft was being made, as a problem of the draft. */
	DraftRefused refusal(String key, BadInputException e) {
		DraftProblem.Code code;
		String field = null;
		if (e instanceof UnsupportedFormatException || e instanceof TooLargeException || e.messageKey().startsWith("photo.")) {
			code = photoCode(e);
		}
		else if (e.messageKey().equals("need.consent-missing")) {
			code = DraftProblem.Code.CONSENT_MISSING;
			field = "consent";
		}
		else if (e.messageKey().startsWith("consent.")) {
			code = DraftProblem.Code.BAD_DRAFT;
			field = "consent";
		}
		else if (e instanceof NotFoundException) {
			code = DraftProblem.Code.HOUSEHOLD_OUT_OF_SCOPE;
			field = "householdId";
		}
		else {
			code = DraftProblem.Code.RULE_VIOLATED;
		}
		return new DraftRefused(key, new DraftProblem(code, field, e.messageKey(), e.args()));
	}
}
