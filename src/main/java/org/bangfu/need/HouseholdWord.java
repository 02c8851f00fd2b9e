package org.bangfu.need;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.account.Role;
import org.bangfu.household.Household;
import org.bangfu.household.Households;
import org.bangfu.notify.Notices;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.PhotoProcessing;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the household and its officer do for the household's word ({@link HouseholdConfirmations}): the household's
 * own account confirms a need posted for it, or says it is not what it asked for (the poster is told); staff in scope
 * send the SMS code and enter it, or upload the photo of the signed form, and print that form. Only while the need is
 * a draft, submitted or rejected: once verified the word is past (409). Another household's need, or a need outside a
 * staff member's scope, answers 404.
 */
@Component
public class HouseholdWord {

	private final Needs needs;

	private final HouseholdConfirmations confirmations;

	private final ConfirmationCodes codes;

	private final ConfirmationForms forms;

	private final Households households;

	private final NeedNotices notices;

	private final OperationLog log;

	private final Clock clock;

	HouseholdWord(Needs needs, HouseholdConfirmations confirmations, ConfirmationCodes codes, ConfirmationForms forms, Households households,
			NeedNotices notices, OperationLog log, Clock clock) {
		this.needs = needs;
		this.confirmations = confirmations;
		this.codes = codes;
		this.forms = forms;
		this.households = households;
		this.notices = notices;
		this.log = log;
		this.clock = clock;
	}

	/** Whether the user is the household's own account for this need. */
	public boolean isOwnHousehold(BangfuUser user, Need need) {
		return user != null && need.householdId() != null && user.has(Role.HOUSEHOLD) && households.isOwnAccount(need.householdId(), user.id());
	}

	/** ACCOUNT: the household's own account confirms the need as it now reads. */
	@Transactional
	public HouseholdConfirmations.Confirmation confirmByAccount(BangfuUser by, long id) {
		Need need = ownHouseholds(by, id);
		return confirm(need, HouseholdConfirmations.Route.ACCOUNT, by, null);
	}

	/** SMS: staff in scope enter the code the household gave them. */
	@Transactional
	public HouseholdConfirmations.Confirmation confirmByCode(BangfuUser by, long id, String code) {
		Need need = notDisputed(confirmable(inScope(by, id)));
		codes.consume(need, code);
		return confirm(need, HouseholdConfirmations.Route.SMS, by, null);
	}

	/** FORM: staff in scope upload the photo of the form the household signed or thumb-printed. */
	@Transactional
	public HouseholdConfirmations.Confirmation confirmByForm(BangfuUser by, long id, InputStream upload) {
		Need need = notDisputed(confirmable(inScope(by, id)));
		PhotoProcessing.Processed photo = forms.check(upload);
		return confirm(need, HouseholdConfirmations.Route.FORM, by, photo);
	}

	public record CodeSent(String maskedPhone, Instant expiresAt) {
	}

	/** SMS: staff in scope have a code sent to the household's phone on record (400 when it has none: use the form). */
	@Transactional
	public CodeSent sendCode(BangfuUser by, long id) {
		Need need = notDisputed(notYetConfirmed(confirmable(inScope(by, id))));
		ConfirmationCodes.Sent sent = codes.send(need, by.id());
		log.record(by.id(), "need.confirm.code", "need:" + id, need.regionCode(), null);
		return new CodeSent(sent.maskedPhone(), sent.expiresAt());
	}

	/** "This is not what I asked for": the household's own account; the poster is told, and the need cannot be verified as it reads. */
	@Transactional
	public void dispute(BangfuUser by, long id, String note) {
		Need need = confirmable(ownHouseholds(by, id));
		if (confirmations.status(need).disputed()) {
			throw new ConflictException("need.dispute.already");
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 300) {
			throw new BadInputException("need.dispute.note-length", 300);
		}
		confirmations.recordDispute(need, text, by.id(), clock.instant());
		log.record(by.id(), "need.dispute", "need:" + id, need.regionCode(), text);
		Notices.Message toPoster = text == null ? Notices.Message.of("notice.need.disputed", need.content().title())
				: Notices.Message.of("notice.need.disputed-because", need.content().title(), text);
		notices.tell(need.posterId(), need.householdId(), toPoster, toPoster, "/needs/" + need.id(), by.id());
	}

	/** A need waiting for the household's word, as the household reads it: what was posted, line by line. */
	public record Awaiting(long id, String title, String story, List<NeedItem> items, long totalValueFen, NeedState state) {
	}

	/** The household's needs (for its own account) that wait for its word. */
	public List<Awaiting> awaiting(BangfuUser household) {
		if (household == null || !household.has(Role.HOUSEHOLD)) {
			return List.of();
		}
		return households.ofAccount(household.id())
			.map(h -> needs.ofHousehold(h.id()).stream()
				.filter(n -> CONFIRMABLE.contains(n.state()) && confirmations.status(n).awaiting())
				.map(n -> new Awaiting(n.id(), n.content().title(), n.content().story(), n.content().items(), n.content().totalValueFen(), n.state()))
				.toList())
			.orElse(List.of());
	}

	/** What the printed form shows: the need as posted, the household as staff see it, the content's short fingerprint. */
	public record Sheet(long id, String title, String story, List<NeedItem> items, long totalValueFen, String headName, String householdNumber,
			String village, String fingerprint, Instant printedAt) {
	}

	public Sheet sheet(BangfuUser by, long id) {
		Need need = inScope(by, id);
		if (!HouseholdConfirmations.needed(need)) {
			throw new ConflictException("need.confirm.not-needed");
		}
		Household h = households.byId(need.householdId()).orElseThrow(() -> new NotFoundException("need.not-found"));
		return new Sheet(need.id(), need.content().title(), need.content().story(), need.content().items(), need.content().totalValueFen(),
				h.headName(), h.householdNumber(), h.regionName(), ContentFingerprint.shortOf(need.content()), clock.instant());
	}

	/** The photo of the signed form of a FORM confirmation, for staff in scope. */
	public Path formPhoto(BangfuUser by, long needId, long confirmationId, boolean thumbnail) {
		inScope(by, needId);
		Path file = forms.file(needId, confirmationId, thumbnail);
		if (!Files.exists(file)) {
			throw new NotFoundException("need.confirm.form-not-found");
		}
		return file;
	}

	static final java.util.Set<NeedState> CONFIRMABLE = java.util.EnumSet.of(NeedState.DRAFT, NeedState.SUBMITTED, NeedState.REJECTED);

	private HouseholdConfirmations.Confirmation confirm(Need need, HouseholdConfirmations.Route route, BangfuUser by, PhotoProcessing.Processed form) {
		notYetConfirmed(confirmable(need));
		Instant now = clock.instant();
		long id = confirmations.record(need, route, by.id(), now, form == null ? null : form.width(), form == null ? null : form.height());
		if (form != null) {
			forms.store(need.id(), id, form);
		}
		log.record(by.id(), "need.confirm." + route.name().toLowerCase(java.util.Locale.ROOT), "need:" + need.id(), need.regionCode(), null);
		return new HouseholdConfirmations.Confirmation(route, now);
	}

	/** 409 for a need that needs no word, or whose word is past (verified, or ended). */
	private Need confirmable(Need need) {
		if (!HouseholdConfirmations.needed(need)) {
			throw new ConflictException("need.confirm.not-needed");
		}
		if (!CONFIRMABLE.contains(need.state())) {
			throw new ConflictException("need.confirm.state", new org.springframework.context.support.DefaultMessageSourceResolvable(need.state().label()));
		}
		return need;
	}

	/** Staff cannot overrule the household's "not what I asked for": only the household's own account, or new content. */
	private Need notDisputed(Need need) {
		if (confirmations.status(need).disputed()) {
			throw new ConflictException("need.confirm.disputed");
		}
		return need;
	}

	private Need notYetConfirmed(Need need) {
		if (confirmations.status(need).confirmed()) {
			throw new ConflictException("need.confirm.already");
		}
		return need;
	}

	/** The need, if the caller is the household's own account for it; 404 for anyone else (another household's need). */
	private Need ownHouseholds(BangfuUser by, long id) {
		Need need = needs.get(id);
		if (!isOwnHousehold(by, need)) {
			throw new NotFoundException("need.not-found");
		}
		return need;
	}

	/** The need, if the caller is staff whose scope contains it; 404 for anyone else. */
	private Need inScope(BangfuUser by, long id) {
		Need need = needs.get(id);
		if (by == null || !by.isStaff() || !by.inScope(need.regionCode())) {
			throw new NotFoundException("need.not-found");
		}
		return need;
	}
}
