package org.bangfu.assessment.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.assessment.CollectionCampaign;
import org.bangfu.assessment.CollectionCampaignSetup;
import org.bangfu.need.NeedCategory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Collection campaigns (采集活动) and their launch (集中发布): the fixed steering endpoints of DESIGN.md §7. */
@RestController
@Tag(name = "collection-campaigns", description = "采集活动：期限、计入的需求类别、各级站点任务指标、之后的月度规则；可先采集核实、到发布时刻集中发布")
class CollectionCampaignApiController {

	private final CollectionCampaignSetup setup;

	CollectionCampaignApiController(CollectionCampaignSetup setup) {
		this.setup = setup;
	}

	/** A campaign as the API shows it. */
	record Shown(long id, String name, String regionCode, LocalDate startsOn, LocalDate deadline, List<NeedCategory> categories,
			int poorVillageQuota, int otherVillageQuota, int townshipQuota, int monthlyMin, int monthlyMax, int townshipMonthly, int timelyDays,
			boolean holds, String state, Instant launchAt, Instant launchedAt, Integer published, String launchPage, String period) {

		static Shown of(CollectionCampaign c) {
			var r = c.rules();
			return new Shown(c.id(), c.name(), c.regionCode(), r.startsOn(), r.deadline(), r.categories(), r.poorVillage(), r.otherVillage(),
					r.township(), r.monthlyMin(), r.monthlyMax(), r.townshipMonthly(), r.timelyDays(), c.holds(), c.state().name(), c.launchAt(),
					c.launchedAt(), c.published(), "/launches/" + c.id(), "C" + c.id());
		}
	}

	record LaunchRequest(String at) {
	}

	@PostMapping("/api/v1/collection-campaigns")
	@Operation(summary = "新建采集活动（市办：市内任何地区；县管理中心：本县）",
			description = "name、regionCode、startsOn、deadline（北京时间日期，含首尾）、categories（村信息点计入的类别，缺省 MEDICAL、EDUCATION、HOUSING）、"
					+ "poorVillageQuota、otherVillageQuota、townshipQuota（活动期任务，缺省 20、0、20）、monthlyMin、monthlyMax（每村每月，缺省 2–5）、"
					+ "townshipMonthly（乡镇每月，缺省 10，所有类别计入）、timelyDays（月末后几天内报送算及时，缺省 5）、holds（核实后暂不发布、集中发布）、launchAt（可选，ISO 时刻）。",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Shown> create(@AuthenticationPrincipal BangfuUser user,
			@RequestBody(required = false) CollectionCampaignSetup.NewCollectionCampaign body) {
		long id = setup.create(user, body);
		return ResponseEntity.status(HttpStatus.CREATED).body(Shown.of(setup.get(user, id)));
	}

	@PostMapping("/api/v1/collection-campaigns/{id}/launch")
	@Operation(summary = "设定发布时刻（缺省为现在：立即集中发布）", description = "{\"at\":\"2026-10-31T02:00:00Z\"}；已发布的活动再发布为 409。",
			security = @SecurityRequirement(name = "bearer"))
	Shown launch(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) LaunchRequest body) {
		return Shown.of(setup.launch(user, id, body == null ? null : body.at()));
	}

	@GetMapping("/api/v1/collection-campaigns")
	@Operation(summary = "与本辖区有关的采集活动", security = @SecurityRequirement(name = "bearer"))
	List<Shown> list(@AuthenticationPrincipal BangfuUser user) {
		return setup.list(user).stream().map(Shown::of).toList();
	}

	@GetMapping("/api/v1/collection-campaigns/{id}")
	@Operation(summary = "一个采集活动", security = @SecurityRequirement(name = "bearer"))
	Shown one(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		return Shown.of(setup.get(user, id));
	}
}
