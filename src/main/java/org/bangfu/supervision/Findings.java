package org.bangfu.supervision;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.need.Need;
import org.bangfu.need.NeedAuditing;
import org.bangfu.need.NeedReports;
import org.bangfu.need.Needs;
import org.bangfu.notify.Notices;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.PhotoProcessing;
import org.bangfu.shared.events.NeedAudited;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a visit's finding on a sampled need: the outcome, a written note, the visit's date and at least one photo, each
 * checked like a need's photo ({@link PhotoProcessing}) and kept without its metadata. FALSE withdraws the need through
 * its state machine ({@link NeedAuditing}); PROBLEM tells the poster and the verifier (its station) to correct it; TRUE is
 * recorded. A report's visit closes the report. Every finding publishes {@link NeedAudited}.
 */
@Service
public class Findings {

	static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	static final int MAX_PHOTOS = 6;

	static final int MAX_NOTE = 1000;

	private final AuditSamples samples;

	private final Needs needs;

	private final NeedAuditing auditing;

	private final NeedReports reports;

	private final Notices notices;

	private final Accounts accounts;

	private final OperationLog log;

	private final ApplicationEventPublisher events;

	private final Path root;

	private final Clock clock;

	Findings(AuditSamples samples, Needs needs, NeedAuditing auditing, NeedReports reports, Notices notices, Accounts accounts, OperationLog log,
			ApplicationEventPublisher events, BangfuProperties properties, Clock clock) {
		this.samples = samples;
		this.needs = needs;
		this.auditing = auditing;
		this.reports = reports;
		this.notices = notices;
		this.accounts = accounts;
		this.log = log;
		this.events = events;
		this.root = properties.dataDir().resolve("uploads").resolve("audits");
		this.clock = clock;
	}

	public record Visit(Outcome outcome, String note, LocalDate visitedOn, List<InputStream> photos) {
	}

	/** The sample, when the user supervises its region (else 404). */
	AuditSamples.Sample sample(BangfuUser user, long sampleId) {
		return samples.find(sampleId).filter(s -> AuditAccess.covers(user, s.regionCode()))
			.orElseThrow(() -> new NotFoundException("audit.sample-not-found"));
	}

	@Transactional
	public long record(BangfuUser user, long sampleId, long needId, Visit v) {
		AuditSamples.Sample sample = sample(user, sampleId);
		if (samples.needs(sampleId).stream().noneMatch(n -> n.needId() == needId)) {
			throw new NotFoundException("audit.need-not-sampled");
		}
		Need need = needs.get(needId);
		if (need.posterId() == user.id() || Long.valueOf(user.id()).equals(need.verifiedBy())) {
			throw new NotPermittedException("audit.own-need");
		}
		if (samples.findings(sampleId).stream().anyMatch(f -> f.needId() == needId)) {
			throw new ConflictException("audit.finding-exists");
		}
		String note = check(sample, v);
		List<PhotoProcessing.Processed> photos = new ArrayList<>();
		for (InputStream in : v.photos()) {
			photos.add(PhotoProcessing.process(in));
		}
		Instant now = clock.instant();
		long id = samples.insertFinding(new AuditSamples.Finding(0, sampleId, needId, need.regionCode(), v.outcome(), note, v.visitedOn(),
				photos.size(), need.posterId(), user.id(), now));
		if (id == 0) {
			throw new ConflictException("audit.finding-exists");
		}
		store(id, photos);
		switch (v.outcome()) {
			case FALSE -> auditing.foundFalse(user, needId, "督查核查不实：" + note);
			case PROBLEM -> tellToCorrect(need, note);
			case TRUE -> {
			}
		}
		if (sample.reportId() != null) {
			reports.closeByAudit(user, sample.reportId(), v.outcome() == Outcome.FALSE, v.outcome().name() + " " + note);
		}
		events.publishEvent(new NeedAudited(needId, need.regionCode(), sampleId, v.outcome().name(), now));
		log.record(user.id(), "audit.finding.record", "need:" + needId, need.regionCode(), "抽查 " + sampleId + "：" + v.outcome().name());
		return id;
	}

	private String check(AuditSamples.Sample sample, Visit v) {
		if (v.outcome() == null) {
			throw new BadInputException("audit.outcome-required");
		}
		String note = v.note() == null ? "" : v.note().strip();
		if (note.isEmpty()) {
			throw new BadInputException("audit.note-required");
		}
		if (note.length() > MAX_NOTE) {
			throw new BadInputException("audit.note-too-long", MAX_NOTE);
		}
		if (v.visitedOn() == null) {
			throw new BadInputException("audit.visit-date-required");
		}
		LocalDate today = LocalDate.now(clock.withZone(CITY));
		LocalDate drawn = sample.drawnAt().atZone(CITY).toLocalDate();
		if (v.visitedOn().isAfter(today) || v.visitedOn().isBefore(drawn)) {
			throw new BadInputException("audit.visit-date-range", drawn.toString(), today.toString());
		}
		if (v.photos() == null || v.photos().isEmpty()) {
			throw new BadInputException("audit.evidence-required");
		}
		if (v.photos().size() > MAX_PHOTOS) {
			throw new BadInputException("audit.photo-too-many", MAX_PHOTOS);
		}
		return note;
	}

	/** PROBLEM: the poster and the verifier (the station that let it through) are asked to correct the need. */
	private void tellToCorrect(Need need, String note) {
		Notices.Message message = Notices.Message.of("notice.audit.problem", String.valueOf(need.id()), need.content().title(), note);
		notices.tell(need.posterId(), accounts.phoneOf(need.posterId()), message, "/needs/" + need.id() + "/edit");
		if (need.verifiedBy() != null && need.verifiedBy() != need.posterId()) {
			notices.tell(need.verifiedBy(), accounts.phoneOf(need.verifiedBy()), message, "/needs/" + need.id());
		}
	}

	private void store(long findingId, List<PhotoProcessing.Processed> photos) {
		Path dir = root.resolve(String.valueOf(findingId));
		for (int i = 0; i < photos.size(); i++) {
			photos.get(i).writeTo(dir, String.valueOf(i + 1));
		}
	}

	/** A finding's photo file, when the user supervises its sample's region (else 404). */
	Path photo(BangfuUser user, long sampleId, long findingId, int n, boolean thumbnail) {
		sample(user, sampleId);
		AuditSamples.Finding f = samples.findings(sampleId).stream().filter(x -> x.id() == findingId).findFirst()
			.orElseThrow(() -> new NotFoundException("audit.sample-not-found"));
		if (n < 1 || n > f.photos()) {
			throw new NotFoundException("audit.sample-not-found");
		}
		return root.resolve(String.valueOf(findingId)).resolve(n + (thumbnail ? "-thumb.jpg" : ".jpg"));
	}
}
