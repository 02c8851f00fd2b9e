package org.bangfu.team.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.Role;
import org.bangfu.shared.BadInputException;
import org.bangfu.team.Advice;
import org.bangfu.team.ExpertAdvice;
import org.bangfu.team.TeamApplication;
import org.bangfu.team.TeamApplications;
import org.bangfu.team.VolunteerTask;
import org.bangfu.team.VolunteerTasks;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The teams' API (issue 17): applications and their approval, volunteer tasks and confirmed hours, experts' advice on needs. */
@RestController
@Tag(name = "teams", description = "志愿者、专家、形象大使：申请与审批、志愿任务与服务时长、专家对需求的意见")
class TeamApiController {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final TeamApplications applications;

	private final VolunteerTasks tasks;

	private final ExpertAdvice advice;

	TeamApiController(TeamApplications applications, VolunteerTasks tasks, ExpertAdvice advice) {
		this.applications = applications;
		this.tasks = tasks;
		this.advice = advice;
	}

	record Created(long id) {
	}

	record ApplicationRequest(String role, String area, String skills, String availability, List<String> fields) {
	}

	@PostMapping("/api/v1/teams/applications")
	@Operation(summary = "申请加入志愿者、专家或形象大使队伍", description = "role：VOLUNTEER、EXPERT、AMBASSADOR；area：服务地区（衡阳市的县市区或乡镇代码）；"
			+ "skills 特长与简介；availability 可服务时间；专家须填 fields（MEDICAL、SCHOOLING、FARMING、HOUSING、ELDER_CARE、OTHER 中一项或多项）。"
			+ "同一角色只能有一份待审批的申请（否则 409）。")
	ResponseEntity<Created> apply(@AuthenticationPrincipal BangfuUser user, @RequestBody(required = false) ApplicationRequest r) {
		if (r == null) {
			throw new BadInputException("team.role.unknown", "");
		}
		long id = applications.apply(user, new TeamApplications.Form(r.role(), r.area(), r.skills(), r.availability(), r.fields()));
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(id));
	}

	@GetMapping("/api/v1/teams/applications")
	@Operation(summary = "团队申请：县管理中心、市办看辖区内的申请（待审批在前），其他人看自己的申请")
	List<TeamApplication> applications(@AuthenticationPrincipal BangfuUser user) {
		return applications.list(user);
	}

	@PostMapping("/api/v1/teams/applications/{id}/approve")
	@Operation(summary = "批准申请：授予申请的角色，范围为申请的服务地区", description = "服务地区所在县的县管理中心或市办审批；其他县的申请为 404。")
	TeamApplication approve(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		applications.approve(user, id);
		return applications.get(user, id);
	}

	record Reason(String reason) {
	}

	@PostMapping("/api/v1/teams/applications/{id}/reject")
	@Operation(summary = "驳回申请（须写原因，申请人会收到通知）")
	TeamApplication reject(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) Reason r) {
		applications.reject(user, id, r == null ? null : r.reason());
		return applications.get(user, id);
	}

	record TaskRequest(String kind, String title, String description, String regionCode, String startsAt, BigDecimal estimatedHours,
			Integer wanted, Long needId) {
	}

	@PostMapping("/api/v1/teams/tasks")
	@Operation(summary = "发布志愿任务", description = "kind：DELIVERY 送物、VISIT 走访；regionCode 为辖区内的村或乡镇；startsAt 为北京时间"
			+ "（如 2026-12-20T09:00）；estimatedHours 预计时长（0.5 到 12）；wanted 需要人数（1 到 50）；needId 可选，为辖区内的需求。")
	ResponseEntity<Created> post(@AuthenticationPrincipal BangfuUser user, @RequestBody(required = false) TaskRequest r) {
		if (r == null) {
			throw new BadInputException("team.task.kind-required");
		}
		long id = tasks.post(user, new VolunteerTasks.Form(r.kind(), r.title(), r.description(), r.regionCode(), when(r.startsAt()),
				r.estimatedHours(), r.wanted(), r.needId()));
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(id));
	}

	@GetMapping("/api/v1/teams/tasks")
	@Operation(summary = "志愿任务", description = "志愿者：服务地区内尚未开始的任务；工作人员（或 staff=true）：辖区内的全部任务及报名情况。")
	List<VolunteerTask> tasks(@AuthenticationPrincipal BangfuUser user, @RequestParam(defaultValue = "false") boolean staff) {
		// a volunteer sees its open tasks; staff (also volunteers, with staff=true) their scope's; anyone else hears why not
		return staff && user.isStaff() || user.isStaff() && !user.has(Role.VOLUNTEER) ? tasks.inScope(user) : tasks.open(user);
	}

	@PostMapping("/api/v1/teams/tasks/{id}/signups")
	@Operation(summary = "报名志愿任务（满员或已报名为 409，不是志愿者为 403）")
	ResponseEntity<Created> signUp(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(tasks.signUp(user, id)));
	}

	@DeleteMapping("/api/v1/teams/tasks/{id}/signups/mine")
	@Operation(summary = "任务开始前取消报名")
	ResponseEntity<Void> withdraw(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		tasks.withdraw(user, id);
		return ResponseEntity.noContent().build();
	}

	record Hours(BigDecimal hours) {
	}

	@PostMapping("/api/v1/teams/tasks/{id}/signups/{signupId}/hours")
	@Operation(summary = "确认志愿者的服务时长（0.5 到 12 小时，任务开始后；不能确认自己的时长）")
	Hours confirm(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long signupId,
			@RequestBody(required = false) Hours r) {
		tasks.confirmHours(user, id, signupId, r == null ? null : r.hours());
		return r;
	}

	@GetMapping("/api/v1/teams/hours")
	@Operation(summary = "我的已确认服务时长合计")
	Hours myHours(@AuthenticationPrincipal BangfuUser user) {
		return new Hours(tasks.hoursOf(user.id()));
	}

	@GetMapping("/api/v1/teams/volunteer-hours")
	@Operation(summary = "辖区内志愿者的已确认服务时长（工作人员）")
	List<VolunteerTasks.VolunteerHours> volunteerHours(@AuthenticationPrincipal BangfuUser user) {
		return tasks.hoursInScope(user);
	}

	record AdviceRequest(String field, String question) {
	}

	@PostMapping("/api/v1/needs/{id}/advice-requests")
	@Operation(summary = "请专家对需求提意见", description = "辖区内的需求；field 为专家领域（不填按需求类别）；该领域、服务地区覆盖需求的专家会收到通知。")
	ResponseEntity<Created> ask(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) AdviceRequest r) {
		long adviceId = advice.ask(user, id, r == null ? null : r.field(), r == null ? null : r.question());
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(adviceId));
	}

	@GetMapping("/api/v1/needs/{id}/advice")
	@Operation(summary = "需求的专家意见（辖区内的工作人员和相关专家可见，不公开）")
	List<Advice> adviceOf(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		return advice.ofNeed(user, id);
	}

	@GetMapping("/api/v1/teams/advice")
	@Operation(summary = "专家：本人领域和服务地区内的意见请求（未答复在前）")
	List<Advice> forExpert(@AuthenticationPrincipal BangfuUser user) {
		return advice.forExpert(user);
	}

	record Answer(String answer) {
	}

	@PostMapping("/api/v1/teams/advice/{id}/answer")
	@Operation(summary = "专家答复（领域或服务地区不符为 403）")
	Map<String, Long> answer(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) Answer r) {
		advice.answer(user, id, r == null ? null : r.answer());
		return Map.of("id", id);
	}

	/** A date and time in Beijing time (2026-12-20T09:00), or an instant with its offset. */
	static Instant when(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(ZONE).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return OffsetDateTime.parse(text.strip()).toInstant();
			}
			catch (DateTimeParseException e2) {
				throw new BadInputException("team.task.when-required");
			}
		}
	}
}
