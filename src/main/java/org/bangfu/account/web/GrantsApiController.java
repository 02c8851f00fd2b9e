package org.bangfu.account.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.account.Positions;
import org.bangfu.account.StaffGrants;
import org.bangfu.shared.BadInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "grants", description = "授权与工作人员名录（按管辖范围）")
class GrantsApiController {

	private final StaffGrants grants;

	private final OperationLog log;

	private final Positions positions;

	GrantsApiController(StaffGrants grants, OperationLog log, Positions positions) {
		this.grants = grants;
		this.log = log;
		this.positions = positions;
	}

	/** @param position optional: the grant's 职务 at its station (Position), which must belong at the region's level */
	record GrantRequest(String phone, String role, String regionCode, String name, String position) {
	}

	record PositionRequest(String position) {
	}

	@PostMapping("/api/v1/grants")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "授予角色", description = "市办授予县管理中心（及慈善总会、四支队伍）；县管理中心授予本县的乡镇信息管理员和村信息员。"
			+ "手机号尚未注册时创建账户并短信邀请（须填 name）。范围外的区划 404，无权授予 403。", security = @SecurityRequirement(name = "bearer"))
	StaffGrants.StaffMember grant(@AuthenticationPrincipal BangfuUser user, @RequestBody GrantRequest request) {
		if (request == null) {
			throw new BadInputException("error.malformed-request");
		}
		return grants.grant(user, request.phone(), request.name(), request.role(), request.regionCode(), request.position());
	}

	@PutMapping("/api/v1/grants/{id}/position")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "更改授权的职务", description = "县级：LEADER_IN_CHARGE 分管领导、CADRE 扶贫专干、INFORMATION_MANAGER 信息管理员、"
			+ "MEDIA_ADMINISTRATOR 媒体管理员；乡镇：前三者；村：INFORMATION_OFFICER 信息员；空值清除。不属于该级的职务 400。",
			security = @SecurityRequirement(name = "bearer"))
	void changePosition(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) PositionRequest request) {
		positions.change(user, id, request == null ? null : request.position());
	}

	@DeleteMapping("/api/v1/grants/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "撤销授权", security = @SecurityRequirement(name = "bearer"))
	void revoke(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		grants.revoke(user, id);
	}

	@GetMapping("/api/v1/grants")
	@Operation(summary = "工作人员名录", description = "region 须在调用者管辖范围内（否则 404），缺省为调用者自己的范围；每页 100 条。",
			security = @SecurityRequirement(name = "bearer"))
	List<StaffGrants.StaffMember> directory(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page) {
		return grants.directory(user, region, page);
	}

	@GetMapping("/api/v1/admin/operation-log")
	@Operation(summary = "操作日志（市办、县管理中心，按管辖范围）", security = @SecurityRequirement(name = "bearer"))
	List<OperationLog.Entry> operationLog(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page) {
		return log.readableBy(user, region, page);
	}
}
