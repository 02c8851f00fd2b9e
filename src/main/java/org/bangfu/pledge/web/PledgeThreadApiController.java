package org.bangfu.pledge.web;

import org.bangfu.pledge.DeliveryArrangements;
import org.bangfu.pledge.PledgeState;
import org.bangfu.pledge.PledgeThread;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** A pledge's delivery arrangement and message thread through the API: for the pledge's parties only, 404 for anyone else. */
@RestController
@Tag(name = "pledge-messages", description = "认领的送达安排与留言：捐赠者、村信息员（及辖区内工作人员）、受助户之间")
class PledgeThreadApiController {

	private final PledgeThread thread;

	private final DeliveryArrangements arrangements;

	private final MessageSource messages;

	PledgeThreadApiController(PledgeThread thread, DeliveryArrangements arrangements, MessageSource messages) {
		this.thread = thread;
		this.arrangements = arrangements;
		this.messages = messages;
	}

	/** A message: the author's role (爱心人士, 村信息员 …) and name as the caller may see it, whether the caller wrote it. */
	record MessageView(long id, String authorRole, String authorRoleLabel, String author, boolean mine, String body, Instant createdAt) {
	}

	record MessageRequest(String body) {
	}

	record Contact(String role, String roleLabel, String name, String maskedPhone, boolean phoneRevealable) {
	}

	record DeliveryView(long pledgeId, PledgeState state, String party, String stationName, String stationAddress, Contact officer,
			Contact donor) {
	}

	record Revealed(String phone) {
	}

	private MessageView view(DeliveryArrangements.ShownMessage m) {
		String role = m.roleKey().substring(m.roleKey().lastIndexOf('.') + 1);
		return new MessageView(m.id(), role, label(m.roleKey()), m.author(), m.mine(), m.body(), m.createdAt());
	}

	private String label(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private Contact contact(DeliveryArrangements.Person p) {
		return p == null ? null : new Contact(p.roleKey().substring(p.roleKey().lastIndexOf('.') + 1), label(p.roleKey()), p.name(),
				p.maskedPhone(), p.revealable());
	}

	@GetMapping("/api/v1/pledges/{id}/messages")
	@Operation(summary = "认领的留言（按时间先后）", description = "只有认领人、受助户（有账户时）和管辖范围包含该需求的工作人员可以查看，其他人 404。"
			+ "作者：爱心人士（个人）对受助户显示为脱敏姓名（张*三）。", security = @SecurityRequirement(name = "bearer"))
	List<MessageView> list(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		PledgeThread.Access a = thread.access(user, id);
		return arrangements.shown(a, thread.messages(id)).stream().map(this::view).toList();
	}

	@PostMapping("/api/v1/pledges/{id}/messages")
	@Operation(summary = "在认领下留言", description = "{\"body\":\"…\"}，1–500 字；其他各方会收到站内消息和短信。请带 Idempotency-Key："
			+ "同一个键再次提交视为重复留言，409。认领已取消或已失效后不能再留言（409）。", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<MessageView> post(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestBody(required = false) MessageRequest request,
			@Parameter(description = "每条留言唯一的键") @RequestHeader(name = "Idempotency-Key", required = false) String key) {
		PledgeThread.Message m = thread.post(user, id, request == null ? null : request.body(), key);
		PledgeThread.Access a = thread.access(user, id);
		return ResponseEntity.status(HttpStatus.CREATED).body(view(arrangements.shown(a, List.of(m)).get(0)));
	}

	@GetMapping("/api/v1/pledges/{id}/delivery")
	@Operation(summary = "认领的送达安排", description = "捐赠者和受助户：村信息点的名称和地址、发布需求的信息员（或本村信息员）的姓名和脱敏电话；"
			+ "信息员及辖区内工作人员：另有捐赠者的姓名和脱敏电话。受助户本人的电话和住址从不提供给捐赠者。", security = @SecurityRequirement(name = "bearer"))
	DeliveryView delivery(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		PledgeThread.Access a = thread.access(user, id);
		DeliveryArrangements.Arrangement d = arrangements.of(a);
		return new DeliveryView(id, a.pledge().state(), a.party().name(), d.stationName(), d.stationAddress(), contact(d.officer()),
				contact(d.donor()));
	}

	@PostMapping("/api/v1/pledges/{id}/contacts/{who}/reveal")
	@Operation(summary = "查看联系人的完整电话（记录查看日志）", description = "who=officer（各方均可）或 donor（仅工作人员）。",
			security = @SecurityRequirement(name = "bearer"))
	Revealed reveal(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable String who) {
		return new Revealed(arrangements.reveal(thread.access(user, id), who));
	}
}
