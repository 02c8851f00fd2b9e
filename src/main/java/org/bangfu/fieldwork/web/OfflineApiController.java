package org.bangfu.fieldwork.web;

import java.io.IOException;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.bangfu.account.BangfuUser;
import org.bangfu.fieldwork.DraftProblem;
import org.bangfu.fieldwork.DraftReceipt;
import org.bangfu.fieldwork.DraftRefused;
import org.bangfu.fieldwork.OfflineDraft;
import org.bangfu.fieldwork.OfflinePack;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * Offline collection, the server side (issue 18, docs/offline.md): the pack to sync, the session's key for the drafts
 * kept on the phone, and the receipt of a draft sent from the queue. Signed in by the page session (with the page's
 * CSRF token) or a bearer token.
 */
@RestController
@RequestMapping("/api/v1/offline")
@Tag(name = "offline", description = "离线采集：同步包、草稿加密密钥、提交离线草稿（村信息员、乡镇管理员）")
class OfflineApiController {

	/** The session attribute holding the drafts' key: gone with the session (logout, timeout). */
	static final String KEY_ATTRIBUTE = OfflineApiController.class.getName() + ".key";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final OfflinePack pack;

	private final DraftReceipt receipt;

	private final MessageSource messages;

	OfflineApiController(OfflinePack pack, DraftReceipt receipt, MessageSource messages) {
		this.pack = pack;
		this.receipt = receipt;
		this.messages = messages;
	}

	@GetMapping("/pack")
	@Operation(summary = "离线同步包", description = "本人管辖的村（社区）及其贫困户（与在线所见相同的脱敏程度）、每户的版本和有效同意、类别规则。"
			+ "只限村信息员和乡镇管理员；不缓存。", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<OfflinePack.Pack> pack(@AuthenticationPrincipal BangfuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(pack.of(user));
	}

	/** The key of this session: 32 random bytes, base64; the same for the session's life, for this account only. */
	record SessionKey(long accountId, String keyId, String key) implements Serializable {
	}

	record KeyAnswer(String keyId, String key) {
	}

	@PostMapping("/key")
	@Operation(summary = "本次登录的草稿加密密钥", description = "手机上的离线草稿用此密钥（AES-GCM）加密保存；同一会话内每次返回同一密钥，"
			+ "新会话得到新密钥，退出登录后密钥随会话作废，已加密的草稿无法再解密。不缓存。", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<KeyAnswer> key(@AuthenticationPrincipal BangfuUser user, HttpServletRequest request) {
		OfflinePack.requireCollector(user);
		HttpSession session = request.getSession(true);
		SessionKey key;
		// per session id: with sessions in the database each request has its own HttpSession object to lock on
		synchronized (("offline-key:" + session.getId()).intern()) {
			key = session.getAttribute(KEY_ATTRIBUTE) instanceof SessionKey k && k.accountId() == user.id() ? k : null;
			if (key == null) {
				byte[] bytes = new byte[32];
				RANDOM.nextBytes(bytes);
				key = new SessionKey(user.id(), UUID.randomUUID().toString(), Base64.getEncoder().encodeToString(bytes));
				session.setAttribute(KEY_ATTRIBUTE, key);
			}
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new KeyAnswer(key.keyId(), key.key()));
	}

	@PostMapping(path = "/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "提交一份离线草稿", description = "multipart：draft（JSON）、photo（0–6 张）、consentForm（离线登记同意时）、confirmationForm"
			+ "（户主签字确认表）。在一个事务中代发需求、上传照片、登记同意、记录签字确认并提交审核；同一 draftKey 再次提交返回 200 和第一次的结果。"
			+ "问题以 {draftKey, problems:[{code, field, message}]} 返回，什么都不保存。", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<DraftReceipt.Receipt> send(@AuthenticationPrincipal BangfuUser user, MultipartHttpServletRequest request) throws IOException {
		OfflinePack.requireCollector(user);
		OfflineDraft draft = OfflineDraft.parse(draftText(request));
		List<byte[]> photos = new ArrayList<>();
		for (MultipartFile f : request.getFiles("photo")) {
			if (!f.isEmpty()) {
				photos.add(f.getBytes());
			}
		}
		DraftReceipt.Receipt r = receipt.receive(user, draft, new DraftReceipt.Files(photos, bytes(request.getFile("consentForm")),
				bytes(request.getFile("confirmationForm"))));
		return ResponseEntity.status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(r);
	}

	/** The draft part: a plain form field, or a file part (a Blob of type application/json, as FormData sends it). */
	private static String draftText(MultipartHttpServletRequest request) throws IOException {
		MultipartFile file = request.getFile("draft");
		if (file != null) {
			return new String(file.getBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		return request.getParameter("draft");
	}

	private static byte[] bytes(MultipartFile f) throws IOException {
		return f == null || f.isEmpty() ? null : f.getBytes();
	}

	record ProblemView(String code, String field, String message) {
	}

	record Problems(String draftKey, int status, String detail, List<ProblemView> problems) {
	}

	@ExceptionHandler(DraftRefused.class)
	ResponseEntity<Problems> refused(DraftRefused e) {
		List<ProblemView> views = e.problems().stream()
			.map(p -> new ProblemView(p.code().name(), p.field(),
					messages.getMessage(p.messageKey(), p.args(), p.messageKey(), LocaleContextHolder.getLocale())))
			.toList();
		HttpStatus status = status(e.problems().get(0).code());
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noStore())
			.body(new Problems(e.draftKey(), status.value(), views.get(0).message(), views));
	}

	static HttpStatus status(DraftProblem.Code code) {
		return switch (code) {
			case HOUSEHOLD_OUT_OF_SCOPE -> HttpStatus.FORBIDDEN;
			case HOUSEHOLD_CHANGED, CONSENT_REVOKED, DRAFT_OF_ANOTHER_ACCOUNT -> HttpStatus.CONFLICT;
			case CONSENT_MISSING, RULE_VIOLATED -> HttpStatus.UNPROCESSABLE_CONTENT;
			case PHOTO_NOT_IMAGE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
			case PHOTO_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
			case BAD_DRAFT -> HttpStatus.BAD_REQUEST;
		};
	}
}
