package org.bangfu.supervision;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bangfu.account.BangfuUser;
import org.bangfu.need.Need;
import org.bangfu.need.NeedState;
import org.bangfu.need.Needs;
import org.bangfu.region.Region;
import org.bangfu.region.Scope;
import org.springframework.stereotype.Service;

/** What the supervisors' pages show of samples: the list in a region, one sample with its needs and their findings. */
@Service
public class SampleViews {

	private final AuditSamples samples;

	private final Findings findings;

	private final Sampling sampling;

	private final Needs needs;

	private final org.bangfu.region.Regions regions;

	SampleViews(AuditSamples samples, Findings findings, Sampling sampling, Needs needs, org.bangfu.region.Regions regions) {
		this.regions = regions;
		this.samples = samples;
		this.findings = findings;
		this.sampling = sampling;
		this.needs = needs;
	}

	public record SampleLine(long id, String regionCode, String regionName, String origin, long seed, int size, int populationSize, String category,
			Long posterId, String flagRule, Long reportId, java.time.Instant drawnAt, int found) {
	}

	public record NeedLine(long needId, String title, String regionCode, String place, NeedState state, boolean own, FindingView finding) {
	}

	public record FindingView(long id, String outcome, String note, java.time.LocalDate visitedOn, int photos, java.time.Instant foundAt) {
	}

	public record SamplePage(SampleLine sample, List<NeedLine> needs) {
	}

	public Region region(BangfuUser user, String regionCode) {
		return sampling.region(user, regionCode);
	}

	public List<Region> regions(BangfuUser user) {
		return AuditAccess.regions(user);
	}

	public static boolean audits(BangfuUser user) {
		return user != null && AuditAccess.auditsAnywhere(user);
	}

	public List<SampleLine> list(Region region) {
		return samples.within(Scope.of(region), 100).stream().map(this::line).toList();
	}

	/** The regions the draw form offers: the region and those right below it. */
	public List<Region> choices(Region region) {
		List<Region> choices = new java.util.ArrayList<>(List.of(region));
		regions.children(region.regionCode(), null).forEach(n -> choices.add(n.region()));
		return choices;
	}

	private String name(String code) {
		return regions.find(org.bangfu.shared.RegionCode.parse(code)).map(Region::name).orElse(code);
	}

	public SamplePage page(BangfuUser user, long sampleId) {
		AuditSamples.Sample s = findings.sample(user, sampleId);
		List<AuditSamples.SampledNeed> sampled = samples.needs(sampleId);
		Map<Long, Need> found = needs.findAll(sampled.stream().map(AuditSamples.SampledNeed::needId).toList());
		Map<Long, AuditSamples.Finding> byNeed = samples.findings(sampleId).stream()
			.collect(Collectors.toMap(AuditSamples.Finding::needId, Function.identity()));
		List<NeedLine> lines = sampled.stream().map(n -> {
			Need need = found.get(n.needId());
			boolean own = need.posterId() == user.id() || Long.valueOf(user.id()).equals(need.verifiedBy());
			return new NeedLine(n.needId(), need.content().title(), need.regionCode(), name(need.regionCode()), need.state(), own,
					Optional.ofNullable(byNeed.get(n.needId())).map(SampleViews::view).orElse(null));
		}).toList();
		return new SamplePage(line(s), lines);
	}

	public java.nio.file.Path photo(BangfuUser user, long sampleId, long findingId, int n, boolean thumbnail) {
		return findings.photo(user, sampleId, findingId, n, thumbnail);
	}

	private static FindingView view(AuditSamples.Finding f) {
		return new FindingView(f.id(), f.outcome().name(), f.note(), f.visitedOn(), f.photos(), f.foundAt());
	}

	private SampleLine line(AuditSamples.Sample s) {
		return new SampleLine(s.id(), s.regionCode(), name(s.regionCode()), s.origin().name(), s.seed(), s.size(), s.populationSize(), s.category(), s.posterId(),
				s.flagRule(), s.reportId(), s.drawnAt(), s.found());
	}
}
