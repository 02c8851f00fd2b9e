package org.bangfu.notify.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.notify.SmsOutbox;
import org.bangfu.shared.Masking;
import org.bangfu.shared.PhoneNumbers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The SMS outbox for city admins: every message the platform sent. With the local gateway this is
 * where verification codes can be read in development and demos. Phones are shown masked; to see
 * the messages of one phone, ask for it.
 */
@Controller
@Tag(name = "admin", description = "管理")
class SmsOutboxController {

	private final SmsOutbox outbox;

	SmsOutboxController(SmsOutbox outbox) {
		this.outbox = outbox;
	}

	record MessageView(long id, String phone, String text, String status, String provider, int attempts,
			java.time.Instant createdAt, java.time.Instant sentAt) {
		static MessageView of(SmsOutbox.Message m) {
			return new MessageView(m.id(), Masking.phone(m.phone()), m.body(), m.status(), m.provider(), m.attempts(),
					m.createdAt(), m.sentAt());
		}
	}

	@GetMapping("/api/v1/admin/sms-outbox")
	@ResponseBody
	@Operation(summary = "短信发件箱（市办管理员）", description = "按手机号筛选，最新的在前。", security = @SecurityRequirement(name = "bearer"))
	List<MessageView> api(@RequestParam(required = false) String phone) {
		return messages(phone);
	}

	@GetMapping("/admin/sms-outbox")
	String page(@RequestParam(required = false) String phone, Model model) {
		model.addAttribute("phone", phone == null ? "" : phone);
		model.addAttribute("messages", messages(phone));
		return "notify/sms-outbox";
	}

	private List<MessageView> messages(String phone) {
		String filter = phone == null || phone.isBlank() ? null : PhoneNumbers.normalise(phone);
		return outbox.latest(filter).stream().map(MessageView::of).toList();
	}
}
