package org.bangfu.pledge;

import org.bangfu.shared.NotPermittedException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.WorkContacts;
import org.bangfu.region.Station;
import org.bangfu.region.Stations;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Masking;
import org.bangfu.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * What each party of a pledge is told to arrange its delivery. The donor (and the household) get the village
 * information point's address and the work contact of the officer who posted the need, or of the village's officer;
 * the officer and staff in scope get the donor's name and phone. The household's own phone and address are never part
 * of it. Phones are masked; the full number comes only through {@link #reveal}, which logs the view.
 */
@Component
public class DeliveryArrangements {

	/**
	 * A person to contact as this viewer sees them; {@code revealable}: the viewer may ask for the full phone; {@code self}:
	 * it is the viewer (an officer reading the arrangement of their own village), shown without a phone.
	 */
	public record Person(String roleKey, String name, String maskedPhone, boolean revealable, boolean self) {
	}

	/** The arrangement for one viewer; station, officer or donor may be null when there is none or it is not theirs to see. */
	public record Arrangement(String stationName, String stationAddress, Person officer, Person donor) {
	}

	/** A message as this viewer sees its author. */
	public record ShownMessage(long id, String roleKey, String author, boolean mine, String body, Instant createdAt) {
	}

	private final Stations stations;

	private final WorkContacts contacts;

	private final Accounts accounts;

	DeliveryArrangements(Stations stations, WorkContacts contacts, Accounts accounts) {
		this.stations = stations;
		this.contacts = contacts;
		this.accounts = accounts;
	}

	public Arrangement of(PledgeThread.Access a) {
		Optional<Station> station = stations.atCode(a.need().regionCode());
		Person officer = officer(a).map(c -> {
			boolean self = c.accountId() == a.viewer().id();
			return new Person(roleKey(c), c.name(), self ? null : c.maskedPhone(), !self && c.hasPhone(), self);
		}).orElse(null);
		Person donor = null;
		if (a.party() != PledgeThread.Party.DONOR) {
			BangfuUser d = accounts.findById(a.pledge().donorId()).orElseThrow();
			boolean staff = a.party() == PledgeThread.Party.STAFF;
			donor = new Person("thread.role.DONOR", staff ? d.name() : DonorNames.shown(d), staff ? d.maskedPhone() : null,
					staff && !d.maskedPhone().isBlank(), false);
		}
		return new Arrangement(station.map(Station::name).orElse(null), station.map(Station::address).orElse(null), officer, donor);
	}

	/**
	 * The full phone of the officer (for any party) or of the donor (for staff only), logged as a view of personal data.
	 * {@code who} is {@code officer} or {@code donor}.
	 */
	public String reveal(PledgeThread.Access a, String who) {
		long accountId;
		if ("officer".equals(who)) {
			accountId = officer(a).orElseThrow(() -> new NotFoundException("contact.no-phone")).accountId();
		}
		else if ("donor".equals(who)) {
			if (a.party() != PledgeThread.Party.STAFF) {
				throw new NotPermittedException("thread.donor-phone-staff");
			}
			accountId = a.pledge().donorId();
		}
		else {
			throw new BadInputException("thread.contact-who");
		}
		return contacts.revealPhone(a.viewer().id(), accountId, a.pledge().regionCode(), "pledge:" + a.pledge().id() + " " + who);
	}

	/** The messages, each author named as this viewer may see them: donors and households masked except to staff and themselves. */
	public List<ShownMessage> shown(PledgeThread.Access a, List<PledgeThread.Message> messages) {
		Map<Long, Optional<WorkContacts.Contact>> authors = new HashMap<>();
		Map<Long, Optional<BangfuUser>> users = new HashMap<>();
		boolean staffViewer = a.party() == PledgeThread.Party.STAFF;
		return messages.stream().map(m -> {
			boolean mine = m.authorId() == a.viewer().id();
			String name = "";
			String role = "thread.role." + m.role().name();
			if (m.role() == PledgeThread.Party.STAFF) {
				Optional<WorkContacts.Contact> c = authors.computeIfAbsent(m.authorId(), id -> contacts.of(id, a.need().regionCode()));
				name = c.map(WorkContacts.Contact::name).orElse("");
				role = c.map(this::roleKey).orElse(role);
			}
			else {
				Optional<BangfuUser> u = users.computeIfAbsent(m.authorId(), accounts::findById);
				boolean full = staffViewer || mine;
				name = u.map(x -> full ? x.name() : m.role() == PledgeThread.Party.DONOR ? DonorNames.shown(x) : Masking.name(x.name())).orElse("");
			}
			return new ShownMessage(m.id(), role, name, mine, m.body(), m.createdAt());
		}).toList();
	}

	private Optional<WorkContacts.Contact> officer(PledgeThread.Access a) {
		return contacts.officerFor(a.need().posterId(), a.need().regionCode());
	}

	private String roleKey(WorkContacts.Contact c) {
		return c.role() == null ? "thread.role.STAFF" : "role." + c.role().name();
	}
}
