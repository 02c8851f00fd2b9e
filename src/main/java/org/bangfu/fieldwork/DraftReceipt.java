package org.bangfu.fieldwork;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.household.Consent;
import org.bangfu.household.Consents;
import org.bangfu.household.Household;
import org.bangfu.household.Households;
import org.bangfu.need.HouseholdWord;
import org.bangfu.need.Need;
import org.bangfu.need.NeedContent;
import org.bangfu.need.NeedPhotos;
import org.bangfu.need.NeedPosting;
import org.bangfu.need.Needs;
import org.bangfu.region.Region;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.PhotoProcessing;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receiving a draft sent from the phone's queue: in one transaction, what the officer does online one page after the
 * other — record the consent it brought (its signed form), post the need on the household's behalf, add the photos,
 * record the household's confirmation by its signed form, submit for verification — through the household and need
 * modules' own actions, so every rule of the online flow holds. Any refusal rolls all of it back (the draft stays in
 * the queue to be fixed); a draft key sent again answers what the first send made.
 */
@Component
public class DraftReceipt {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);

	/** The photos of a draft as sent: the need's (0..6), and the signed consent and confirmation forms when there are. */
	public record Files(List<byte[]> photos, byte[] consentForm, byte[] confirmationForm) {
	}

	/** @param replayed true when the draft had been sent before and this answers the first send */
	public record Receipt(String draftKey, long needId, String state, String url, boolean replayed) {
	}

	private final OfflineSubmissions submissions;

	private final DraftChecks checks;

	private final Households households;

	private final Consents consents;

	private final NeedPosting posting;

	private final NeedPhotos photos;

	private final HouseholdWord word;

	private final Needs needs;

	private final OperationLog log;

	private final Clock clock;

	DraftReceipt(OfflineSubmissions submissions, DraftChecks checks, Households households, Consents consents, NeedPosting posting,
			NeedPhotos photos, HouseholdWord word, Needs needs, OperationLog log, Clock clock) {
		this.submissions = submissions;
		this.checks = checks;
		this.households = households;
		this.consents = consents;
		this.posting = posting;
		this.photos = photos;
		this.word = word;
		this.needs = needs;
		this.log = log;
		this.clock = clock;
	}

	@Transactional
	public Receipt receive(BangfuUser officer, OfflineDraft draft, Files files) {
		List<Region> field = FieldRegions.of(officer);
		String key = draft.draftKey();
		Instant now = clock.instant();
		if (!submissions.claim(key, officer.id(), draft.householdId(), draft.draftedAt(), now)) {
			OfflineSubmissions.Submission first = submissions.find(key).orElseThrow();
			if (first.accountId() != officer.id()) {
				throw new DraftRefused(key, new DraftProblem(DraftProblem.Code.DRAFT_OF_ANOTHER_ACCOUNT, "draftKey", "fieldwork.draft.other-account"));
			}
			return receipt(key, first.needId(), first.needState(), true);
		}
		checks.photos(key, files);
		Household household = household(officer, field, draft);
		checks.household(draft, household, consents.of(household.id()), consents.allowsPostingOnBehalf(household.id()), files);
		NeedContent content = draft.content();
		checks.rules(key, content, files.photos().size());
		try {
			if (draft.consent() != null) {
				recordConsent(officer, household, draft, files.consentForm());
			}
			Need need = posting.create(officer, new NeedPosting.Subject(household.id(), null, null), content);
			for (byte[] photo : files.photos()) {
				photos.add(officer, need, new ByteArrayInputStream(photo));
			}
			if (draft.confirmation() != null) {
				word.confirmByForm(officer, need.id(), new ByteArrayInputStream(files.confirmationForm()));
			}
			Need submitted = posting.submit(officer, need.id());
			String state = submitted.state().name();
			submissions.complete(key, need.id(), state, need.regionCode());
			log.record(officer.id(), "fieldwork.draft-sent", "need:" + need.id(), need.regionCode(),
					"离线起草于 " + MINUTE.format(draft.draftedAt()) + "，发送于 " + MINUTE.format(now));
			return receipt(key, need.id(), state, false);
		}
		catch (BadInputException e) {
			throw checks.refusal(key, e);
		}
	}

	/** The household, if the officer still collects for it: otherwise HOUSEHOLD_OUT_OF_SCOPE, also for an unknown id. */
	private Household household(BangfuUser officer, List<Region> field, OfflineDraft draft) {
		try {
			Household h = households.inScopeOf(officer, draft.householdId());
			if (FieldRegions.covers(field, h.regionCode())) {
				return h;
			}
		}
		catch (NotFoundException e) {
			// told like a household outside the officer's villages: an id never confirms that a household exists
		}
		throw new DraftRefused(draft.draftKey(), new DraftProblem(DraftProblem.Code.HOUSEHOLD_OUT_OF_SCOPE, "householdId",
				"fieldwork.household-out-of-scope"));
	}

	private void recordConsent(BangfuUser officer, Household household, OfflineDraft draft, byte[] form) {
		OfflineDraft.ConsentRecord c = draft.consent();
		List<String> kinds = c.allKinds();
		Consent.Method method = "THUMBPRINT_PHOTO".equals(c.method()) ? Consent.Method.THUMBPRINT_PHOTO : Consent.Method.SIGNED_FORM_PHOTO;
		LocalDate givenOn = LocalDate.ofInstant(c.recordedAt(), CHINA);
		consents.record(officer, household.id(), new Consents.NewConsent(kinds.contains("POST_ON_BEHALF"), kinds.contains("PUBLISH_PHOTOS"),
				method, givenOn, null, kinds.contains("PUBLICITY")), new ByteArrayInputStream(form), form.length);
	}

	private Receipt receipt(String key, long needId, String state, boolean replayed) {
		return new Receipt(key, needId, state, "/needs/" + needId, replayed);
	}

}
