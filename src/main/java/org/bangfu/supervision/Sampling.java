package org.bangfu.supervision;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.need.AuditPopulation;
import org.bangfu.need.Need;
import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedReports;
import org.bangfu.need.Needs;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Draws samples (抽查): a random one over the population of {@link AuditPopulation} in a region the user supervises, with
 * the seed recorded (drawn by the server when none is given) together with the filters, the population's size and the
 * moment, so the sample can be recomputed ({@link SampleDraw}); or a one-need sample from a public report (no draw).
 */
@Service
public class Sampling {

	static final int MAX_SIZE = 200;

	private static final SecureRandom SEEDS = new SecureRandom();

	private final AuditPopulation population;

	private final AuditSamples samples;

	private final Needs needs;

	private final NeedReports reports;

	private final Regions regions;

	private final OperationLog log;

	private final Clock clock;

	Sampling(AuditPopulation population, AuditSamples samples, Needs needs, NeedReports reports, Regions regions, OperationLog log, Clock clock) {
		this.population = population;
		this.samples = samples;
		this.needs = needs;
		this.reports = reports;
		this.regions = regions;
		this.log = log;
		this.clock = clock;
	}

	/** What to draw: region (default: the widest region the user supervises), size, seed and the optional filters. */
	public record Request(String regionCode, Integer size, Long seed, NeedCategory category, Long posterId, String flagRule) {
	}

	public record Drawn(long id, List<Long> needIds) {
	}

	/** The region the user supervises: the requested one (404 outside), else the widest. */
	Region region(BangfuUser user, String regionCode) {
		if (regionCode == null || regionCode.isBlank()) {
			return AuditAccess.regions(user).stream().findFirst().orElseThrow(() -> new NotFoundException("error.not-found"));
		}
		Region region = regions.find(RegionCode.parse(regionCode.strip()))
			.orElseThrow(() -> new NotFoundException("region.not-found", regionCode));
		if (!AuditAccess.covers(user, region.code())) {
			throw new NotFoundException("region.not-found", regionCode);
		}
		return region;
	}

	@Transactional
	public Drawn draw(BangfuUser user, Request r) {
		Region region = region(user, r.regionCode());
		if (r.size() == null) {
			throw new BadInputException("audit.size-required");
		}
		String flag = r.flagRule() == null || r.flagRule().isBlank() ? null : r.flagRule().strip();
		List<Long> ids = population.ids(new AuditPopulation.Filter(region.code(), r.category(), r.posterId(), flag));
		if (r.size() < 1 || r.size() > ids.size() || r.size() > MAX_SIZE) {
			throw new BadInputException("audit.size-out-of-range", ids.size(), Math.min(ids.size(), MAX_SIZE));
		}
		long seed = r.seed() != null ? r.seed() : SEEDS.nextLong();
		List<Long> picked = SampleDraw.draw(ids, r.size(), seed);
		Map<Long, Need> found = needs.findAll(picked);
		Instant now = clock.instant();
		long id = samples.insert(new AuditSamples.Sample(0, region.code(), AuditSamples.Origin.RANDOM, seed, r.size(), ids.size(),
				r.category() == null ? null : r.category().name(), r.posterId(), flag, null, user.id(), now, 0), picked,
				picked.stream().map(n -> found.get(n).regionCode()).toList());
		log.record(user.id(), "audit.sample.draw", "sample:" + id, region.code(),
				"抽取 " + r.size() + " 条（共 " + ids.size() + " 条），种子 " + seed);
		return new Drawn(id, picked);
	}

	/** A one-need sample for a public report, so its visit is recorded like any other (origin REPORT, no draw). */
	@Transactional
	public Drawn visitReport(BangfuUser user, long reportId) {
		NeedReports.Reported report = reports.openReport(user, reportId);
		if (!AuditAccess.covers(user, report.regionCode())) {
			throw new NotFoundException("need.report.not-found");
		}
		Need need = needs.get(report.needId());
		java.util.Optional<Long> open = samples.openForReport(reportId);
		if (open.isPresent()) {
			return new Drawn(open.get(), List.of(need.id()));
		}
		long id = samples.insert(new AuditSamples.Sample(0, need.regionCode(), AuditSamples.Origin.REPORT, 0, 1, 1, null, null, null, reportId,
				user.id(), clock.instant(), 0), List.of(need.id()), List.of(need.regionCode()));
		log.record(user.id(), "audit.sample.report", "sample:" + id, need.regionCode(), "举报 " + reportId + " 的需求 " + need.id());
		return new Drawn(id, List.of(need.id()));
	}
}
