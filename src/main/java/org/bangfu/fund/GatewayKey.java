package org.bangfu.fund;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bangfu.shared.BangfuProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key that signs payment notifications (HMAC-SHA256): {@code bangfu.fund.gateway-key} (base64, at least 32 bytes), or
 * else a key generated once and kept in {@code <bangfu.data-dir>/keys/fund-gateway.key}, as the personal-data keys are.
 */
@Component
class GatewayKey {

	private static final Logger log = LoggerFactory.getLogger(GatewayKey.class);

	private final byte[] key;

	GatewayKey(@Value("${bangfu.fund.gateway-key:}") String configured, BangfuProperties properties) {
		this.key = configured.isBlank() ? stored(properties.dataDir().resolve("keys").resolve("fund-gateway.key")) : decode(configured);
	}

	/** The lower-case hex HMAC-SHA256 of the bytes. */
	String sign(byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Whether the signature (hex) is the body's, compared in constant time. */
	boolean verifies(byte[] body, String signatureHex) {
		byte[] given;
		try {
			given = HexFormat.of().parseHex(signatureHex.strip().toLowerCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return false;
		}
		return MessageDigest.isEqual(HexFormat.of().parseHex(sign(body)), given);
	}

	private static byte[] decode(String base64) {
		byte[] k;
		try {
			k = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException("bangfu.fund.gateway-key is not base64", e);
		}
		if (k.length < 32) {
			throw new IllegalStateException("bangfu.fund.gateway-key must be at least 32 bytes (e.g. `openssl rand -base64 32`)");
		}
		return k;
	}

	private static byte[] stored(Path file) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				byte[] k = new byte[32];
				new SecureRandom().nextBytes(k);
				Files.writeString(file, Base64.getEncoder().encodeToString(k) + "\n", StandardCharsets.US_ASCII);
				if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				log.warn("支付网关签名密钥自动生成于 {}；生产环境请通过 bangfu.fund.gateway-key 提供与支付网关约定的密钥。 / The payment gateway key was "
						+ "generated; production must supply bangfu.fund.gateway-key.", file.toAbsolutePath());
			}
			return decode(Files.readString(file, StandardCharsets.US_ASCII));
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or create the key file " + file, e);
		}
	}
}
