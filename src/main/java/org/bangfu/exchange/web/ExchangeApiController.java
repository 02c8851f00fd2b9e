package org.bangfu.exchange.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.bangfu.account.BangfuUser;
import org.bangfu.exchange.Envelope;
import org.bangfu.exchange.ExchangeNode;
import org.bangfu.exchange.Link;
import org.bangfu.exchange.LinkAdministration;
import org.bangfu.exchange.Receiving;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.node.ObjectNode;

/** The exchange API (docs/exchange.md): this node's identity, its links, and the endpoint other nodes post to. */
@RestController
class ExchangeApiController {

	private final ExchangeNode node;

	private final LinkAdministration administration;

	private final Receiving receiving;

	private final int limitKb;

	ExchangeApiController(ExchangeNode node, LinkAdministration administration, Receiving receiving,
			@Value("${bangfu.exchange.max-message-kb:256}") int limitKb) {
		this.node = node;
		this.administration = administration;
		this.receiving = receiving;
		this.limitKb = limitKb;
	}

	/** Public: what another node's administrator needs to link to this one. */
	@GetMapping("/api/v1/exchange/node")
	Map<String, String> node() {
		return Map.of("node", node.id(), "publicKey", node.publicKeyBase64(), "version", Envelope.VERSION);
	}

	@GetMapping("/api/v1/exchange/links")
	List<Link> links(@AuthenticationPrincipal BangfuUser user) {
		return administration.all(user);
	}

	@PostMapping("/api/v1/exchange/links")
	Link link(@AuthenticationPrincipal BangfuUser user, @RequestBody LinkAdministration.LinkForm form) {
		return administration.save(user, form);
	}

	@DeleteMapping("/api/v1/exchange/links/{node}")
	ResponseEntity<Void> disable(@AuthenticationPrincipal BangfuUser user, @PathVariable String node) {
		administration.disable(user, node);
		return ResponseEntity.noContent().build();
	}

	/** No login and no CSRF token: the envelope's signature is what authenticates the sending node. */
	@PostMapping("/api/v1/exchange/messages")
	ResponseEntity<ObjectNode> receive(HttpServletRequest request) throws IOException {
		long limit = limitKb * 1024L;
		Receiving.Answer answer;
		if (request.getContentLengthLong() > limit) {
			answer = receiving.tooLarge(limitKb);
		}
		else {
			try (InputStream in = request.getInputStream()) {
				byte[] body = in.readNBytes((int) limit + 1);
				answer = body.length > limit ? receiving.tooLarge(limitKb) : receiving.receive(new String(body, StandardCharsets.UTF_8));
			}
		}
		return ResponseEntity.status(answer.status()).contentType(MediaType.APPLICATION_JSON).body(answer.body());
	}
}
