package org.bangfu.need.web;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.bangfu.account.BangfuUser;
import org.bangfu.need.HouseholdWord;
import org.bangfu.need.NeedViews;
import org.bangfu.need.Needs;
import org.bangfu.need.PublicUrl;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The household's own word on a need posted for it (issue 16): confirm in its account, by SMS code, or by a signed form. */
@RestController
@RequestMapping("/api/v1/needs/{id}")
@Tag(name = "needs")
class HouseholdWordApiController {

	private final HouseholdWord word;

	private final NeedViews views;

	private final Needs needs;

	private final PublicUrl publicUrl;

	HouseholdWordApiController(HouseholdWord word, NeedViews views, Needs needs, PublicUrl publicUrl) {
		this.word = word;
		this.views = views;
		this.needs = needs;
		this.publicUrl = publicUrl;
	}

	record ConfirmRequest(String smsCode) {
	}

	@PostMapping("/confirm")
	@Operation(summary = "户主确认代发的需求", description = "户主本人账户：不带请求体；工作人员（管辖范围内）：{\"smsCode\"} 为发到户主手机的 6 位确认码"
			+ "（先 POST confirm/sms-code 发送）；或以 multipart 的 file 上传签字/按手印的确认表照片（同一地址）。只在草稿、待审核、被驳回时；"
			+ "确认的是当前内容，内容修改后须重新确认。审核通过前必须确认，否则审核返回 409。", security = @SecurityRequirement(name = "bearer"))
	NeedViews.NeedView confirm(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestBody(required = false) ConfirmRequest request, HttpServletRequest http) {
		String code = request == null ? null : request.smsCode();
		if (code != null) {
			word.confirmByCode(user, id, code);
		}
		else if (word.isOwnHousehold(user, needs.get(id))) {
			word.confirmByAccount(user, id);
		}
		else if (user != null && user.isStaff() && user.inScope(needs.get(id).regionCode())) {
			throw new BadInputException("need.confirm.how");
		}
		else {
			throw new NotFoundException("need.not-found");
		}
		return views.view(user, id, publicUrl.of(http));
	}

	@PostMapping(path = "/confirm", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "上传户主签字（或按手印）的确认表照片", description = "工作人员（管辖范围内）；file：JPG/PNG，10 MB 以内，同需求照片的检查。",
			security = @SecurityRequirement(name = "bearer"))
	NeedViews.NeedView confirmByForm(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestParam(required = false) MultipartFile file, HttpServletRequest http) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new BadInputException("photo.empty");
		}
		word.confirmByForm(user, id, file.getInputStream());
		return views.view(user, id, publicUrl.of(http));
	}

	@PostMapping("/confirm/sms-code")
	@Operation(summary = "向户主登记的手机发送确认码", description = "工作人员（管辖范围内）；短信写明需求标题和金额，10 分钟内有效；"
			+ "户主没有手机时返回 400，请用签字确认表。", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<HouseholdWord.CodeSent> sendCode(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(word.sendCode(user, id));
	}

	record DisputeRequest(String note) {
	}

	@PostMapping("/dispute")
	@Operation(summary = "户主：这不是我家申请的", description = "户主本人账户；通知发布人，这条需求按现在的内容不能通过审核。",
			security = @SecurityRequirement(name = "bearer"))
	NeedViews.NeedView dispute(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestBody(required = false) DisputeRequest request, HttpServletRequest http) {
		word.dispute(user, id, request == null ? null : request.note());
		return views.view(user, id, publicUrl.of(http));
	}
}
