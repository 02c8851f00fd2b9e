package org.bangfu.fund.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.fund.GatewayNotifications;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Where a payment gateway tells the fund that a gift was paid online; open to the gateway, trusted only by its signature. */
@RestController
@Tag(name = "fund-gateway", description = "支付网关到账通知")
class GatewayApiController {

	private final GatewayNotifications notifications;

	GatewayApiController(GatewayNotifications notifications) {
		this.notifications = notifications;
	}

	@PostMapping("/api/v1/fund/gateway/notify")
	@Operation(summary = "支付网关的到账通知（签名）", description = "正文为 JSON（格式 bangfu-payment-notification/1：format、notificationId、gateway、"
			+ "referenceCode、amountFen、paidAt、timestamp），X-Bangfu-Signature: sha256=<对原始正文的 HMAC-SHA256，十六进制>，密钥 bangfu.fund.gateway-key。"
			+ "没有签名或签名不对 401，时间戳与服务器相差超过 5 分钟（重放）401，格式不对 400，参考码不存在 404，金额不对或捐款不在等待到账 409，均不做任何改变；"
			+ "同一 notificationId 再次通知：200，status=ALREADY_RECEIVED，不做任何改变。详见 docs/fund.md。")
	GatewayNotifications.Outcome notify(@RequestBody(required = false) byte[] body,
			@Parameter(description = "sha256=<hex>") @RequestHeader(name = "X-Bangfu-Signature", required = false) String signature) {
		return notifications.receive(body, signature);
	}
}
