package org.bangfu.household;

import org.bangfu.shared.TooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.PhotoProcessing;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording and revoking consent. A photographed form or thumbprint is stored under the data
 * directory (never published); a witnessed consent names a second staff member of the same
 * village or above, who is not the recorder.
 */
@Component
public class Consents {

	static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;

	private final JdbcClient jdbc;

	private final Households households;

	private final Accounts accounts;

	private final OperationLog log;

	private final Path photos;

	private final Clock clock;

	Consents(JdbcClient jdbc, Households households, Accounts accounts, OperationLog log, BangfuProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.households = households;
		this.accounts = accounts;
		this.log = log;
		this.photos = properties.dataDir().resolve("uploads").resolve("consent");
		this.clock = clock;
	}

	/** @param publicity consent to publicity (同意宣传报道): a story of the help it received may be published, its name masked */
	public record NewConsent(boolean postOnBehalf, boolean publishPhotos, Consent.Method method, LocalDate givenOn, String witnessPhone,
			boolean publicity) {

		public NewConsent(boolean postOnBehalf, boolean publishPhotos, Consent.Method method, LocalDate givenOn, String witnessPhone) {
			this(postOnBehalf, publishPhotos, method, givenOn, witnessPhone, false);
		}
	}

	/** The active consent to posting on the household's behalf, if any: what the need module asks before a proxy post. */
	public boolean allowsPostingOnBehalf(long householdId) {
		return jdbc.sql("SELECT count(*) FROM consent WHERE household_id = ? AND post_on_behalf AND revoked_at IS NULL")
			.param(householdId).query(Long.class).single() > 0;
	}

	/** Whether the household's photos may be published. */
	public boolean allowsPublishingPhotos(long householdId) {
		return jdbc.sql("SELECT count(*) FROM consent WHERE household_id = ? AND publish_photos AND revoked_at IS NULL")
			.param(householdId).query(Long.class).single() > 0;
	}

	/** Whether a story of the help the household received may be published (news): its active consent to publicity. */
	public boolean allowsPublicity(long householdId) {
		return jdbc.sql("SELECT count(*) FROM consent WHERE household_id = ? AND publicity AND revoked_at IS NULL")
			.param(householdId).query(Long.class).single() > 0;
	}

	public List<Consent> of(long householdId) {
		record Row(long id, long householdId, boolean postOnBehalf, boolean publishPhotos, Consent.Method method, LocalDate givenOn,
				long recordedBy, Long witnessId, boolean hasPhoto, Instant recordedAt, Instant revokedAt, boolean publicity) {
		}
		List<Row> rows = jdbc.sql("SELECT * FROM consent WHERE household_id = ? ORDER BY id DESC")
			.param(householdId)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("household_id"), rs.getBoolean("post_on_behalf"),
					rs.getBoolean("publish_photos"), Consent.Method.valueOf(rs.getString("method")), rs.getDate("given_on").toLocalDate(),
					rs.getLong("recorded_by"), (Long) rs.getObject("witness_id"), rs.getString("photo_path") != null,
					rs.getTimestamp("recorded_at").toInstant(),
					rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(), rs.getBoolean("publicity")))
			.list();
		// the recorders' and witnesses' names from the account module, all in one query
		Set<Long> ids = new HashSet<>();
		rows.forEach(r -> {
			ids.add(r.recordedBy());
			if (r.witnessId() != null) {
				ids.add(r.witnessId());
			}
		});
		Map<Long, String> names = accounts.namesOf(ids);
		return rows.stream()
			.filter(r -> names.containsKey(r.recordedBy()))
			.map(r -> new Consent(r.id(), r.householdId(), r.postOnBehalf(), r.publishPhotos(), r.method(), r.givenOn(),
					names.get(r.recordedBy()), r.witnessId() == null ? null : names.get(r.witnessId()), r.hasPhoto(), r.recordedAt(),
					r.revokedAt(), r.publicity()))
			.toList();
	}

	@Transactional
	public long record(BangfuUser officer, long householdId, NewConsent consent, InputStream photo, long photoSize) {
		Household household = households.inScopeOf(officer, householdId);
		if (!consent.postOnBehalf() && !consent.publishPhotos() && !consent.publicity()) {
			throw new BadInputException("consent.scope-required");
		}
		if (consent.method() == null) {
			throw new BadInputException("consent.method-required");
		}
		LocalDate givenOn = consent.givenOn() == null ? LocalDate.now(clock) : consent.givenOn();
		if (givenOn.isAfter(LocalDate.now(clock)) || givenOn.isBefore(LocalDate.now(clock).minusYears(5))) {
			throw new BadInputException("consent.date");
		}
		Long witness = null;
		String photoPath = null;
		if (consent.method() == Consent.Method.WITNESSED) {
			BangfuUser w = accounts.findByPhone(consent.witnessPhone() == null ? "" : consent.witnessPhone())
				.filter(u -> u.id() != officer.id())
				.filter(u -> u.staffGrants().stream().anyMatch(g -> g.covers(household.regionCode())))
				.orElseThrow(() -> new BadInputException("consent.witness-invalid"));
			witness = w.id();
		}
		else {
			photoPath = storePhoto(photo, photoSize);
		}
		long id = jdbc.sql("""
				INSERT INTO consent (household_id, region_code, post_on_behalf, publish_photos, method, photo_path, witness_id,
				                     given_on, recorded_by, recorded_at, publicity)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(householdId, household.regionCode(), consent.postOnBehalf(), consent.publishPhotos(), consent.method().name(),
					photoPath, witness, java.sql.Date.valueOf(givenOn), officer.id(), Timestamp.from(clock.instant()), consent.publicity())
			.query(Long.class)
			.single();
		log.record(officer.id(), "consent.record", "household:" + householdId, household.regionCode(),
				consent.method() + (consent.postOnBehalf() ? " post" : "") + (consent.publishPhotos() ? " photos" : ""));
		if (consent.publicity()) {
			log.record(officer.id(), "consent.publicity", "household:" + householdId, household.regionCode(), "同意宣传报道（可发布帮扶故事，姓名打码）");
		}
		return id;
	}

	@Transactional
	public void revoke(BangfuUser officer, long householdId, long consentId) {
		Household household = households.inScopeOf(officer, householdId);
		int changed = jdbc.sql("UPDATE consent SET revoked_at = ?, revoked_by = ? WHERE id = ? AND household_id = ? AND revoked_at IS NULL")
			.params(Timestamp.from(clock.instant()), officer.id(), consentId, householdId)
			.update();
		if (changed == 0) {
			throw new NotFoundException("consent.not-found");
		}
		log.record(officer.id(), "consent.revoke", "household:" + householdId, household.regionCode(), "consent " + consentId);
	}

	/** The stored photo of a consent, for staff in scope. */
	public Path photo(BangfuUser officer, long householdId, long consentId) {
		households.inScopeOf(officer, householdId);
		String path = jdbc.sql("SELECT photo_path FROM consent WHERE id = ? AND household_id = ?")
			.params(consentId, householdId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("consent.not-found"));
		return photos.resolve(path);
	}

	/**
	 * Keeps a consent photo as need photos are kept: decoded and encoded again as a JPEG, upright, without
	 * its EXIF (a phone's GPS position of the household's home among it); a truncated or fake image, or
	 * one over 10 MB, is refused by its content, not its name.
	 */
	private String storePhoto(InputStream photo, long size) {
		if (photo == null || size <= 0) {
			throw new BadInputException("consent.photo-required");
		}
		if (size > MAX_PHOTO_BYTES) {
			throw new TooLargeException("upload.photo.too-large", 10);
		}
		PhotoProcessing.Processed processed;
		try (InputStream in = photo) {
			processed = PhotoProcessing.process(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		try {
			Files.createDirectories(photos);
			String name = UUID.randomUUID() + ".jpg";
			Path tmp = Files.createTempFile(photos, "upload", ".tmp");
			Files.write(tmp, processed.display());
			Files.move(tmp, photos.resolve(name));
			return name;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
