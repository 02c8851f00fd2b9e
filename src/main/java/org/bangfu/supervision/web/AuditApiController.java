package org.bangfu.supervision.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.need.NeedCategory;
import org.bangfu.shared.BadInputException;
import org.bangfu.supervision.Findings;
import org.bangfu.supervision.Outcome;
import org.bangfu.supervision.Sampling;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Supervision's API (DESIGN.md §7): drawing samples, a report's visit, recording findings. */
@RestController
@RequestMapping("/api/v1/audits")
@Tag(name = "audits", description = "督查：随机抽查已发布需求（记录种子，可复算）、举报核查、记录核查结果")
class AuditApiController {

	private final Sampling sampling;

	private final Findings findings;

	AuditApiController(Sampling sampling, Findings findings) {
		this.sampling = sampling;
		this.findings = findings;
	}

	record SampleRequest(String regionCode, Integer size, Long seed, String category, Long posterId, String flagRule) {
	}

	record Drawn(long id, List<Long> needIds) {
	}

	@PostMapping("/samples")
	@Operation(summary = "抽取督查样本", description = "regionCode 为督查范围内的区划（空则为本人最大范围），size 为抽取数量（1 到符合条件的需求数），"
			+ "seed 可选（不填由服务器生成并记录）；可选 category、posterId（发布人）、flagRule（预警规则，ANY 为任一预警）。"
			+ "相同种子、相同总体（按编号升序）得到相同的需求。")
	ResponseEntity<Drawn> draw(@AuthenticationPrincipal BangfuUser user, @RequestBody(required = false) SampleRequest r) {
		if (r == null) {
			throw new BadInputException("audit.size-required");
		}
		Sampling.Drawn d = sampling.draw(user, new Sampling.Request(r.regionCode(), r.size(), r.seed(), category(r.category()), r.posterId(),
				r.flagRule()));
		return ResponseEntity.status(HttpStatus.CREATED).body(new Drawn(d.id(), d.needIds()));
	}

	@PostMapping("/reports/{reportId}")
	@Operation(summary = "举报核查：把一条举报转为一条需求的督查样本（不随机抽取）")
	ResponseEntity<Drawn> visitReport(@AuthenticationPrincipal BangfuUser user, @PathVariable long reportId) {
		Sampling.Drawn d = sampling.visitReport(user, reportId);
		return ResponseEntity.status(HttpStatus.CREATED).body(new Drawn(d.id(), d.needIds()));
	}

	record Created(long id) {
	}

	@PostMapping("/samples/{sampleId}/needs/{needId}/finding")
	@Operation(summary = "记录核查结果", description = "outcome：TRUE 属实、FALSE 不实（撤回需求、取消认领、扣分）、PROBLEM 有问题（通知整改）；"
			+ "note 核查情况；visitedOn 走访日期（抽查当天到今天）；photos 至少一张走访照片。")
	ResponseEntity<Created> finding(@AuthenticationPrincipal BangfuUser user, @PathVariable long sampleId, @PathVariable long needId,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
			@RequestParam(required = false) String visitedOn, @RequestParam(required = false) List<MultipartFile> photos) {
		long id = findings.record(user, sampleId, needId, visit(outcome, note, visitedOn, photos));
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(id));
	}

	/** The form's fields as a visit; shared with the pages. */
	static Findings.Visit visit(String outcome, String note, String visitedOn, List<MultipartFile> photos) {
		Outcome o;
		try {
			o = outcome == null || outcome.isBlank() ? null : Outcome.valueOf(outcome.strip());
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("audit.outcome-required");
		}
		LocalDate on;
		try {
			on = visitedOn == null || visitedOn.isBlank() ? null : LocalDate.parse(visitedOn.strip());
		}
		catch (java.time.format.DateTimeParseException e) {
			throw new BadInputException("audit.visit-date-required");
		}
		List<InputStream> streams = new ArrayList<>();
		for (MultipartFile f : photos == null ? List.<MultipartFile>of() : photos) {
			if (f.isEmpty()) {
				continue;
			}
			try {
				streams.add(f.getInputStream());
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return new Findings.Visit(o, note, on, streams);
	}

	static NeedCategory category(String category) {
		if (category == null || category.isBlank()) {
			return null;
		}
		try {
			return NeedCategory.valueOf(category.strip());
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("audit.category-unknown");
		}
	}
}
