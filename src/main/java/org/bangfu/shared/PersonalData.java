package org.bangfu.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Protects ID numbers and phones at rest (个人信息保护法, DESIGN.md §5): values are stored encrypted
 * (AES-256-GCM) and found through a keyed hash (HMAC-SHA256), so the database alone reveals neither.
 *
 * <p>Keys come from {@code bangfu.keys.*}. Without them a key file is generated under the data
 * directory on first start, which is fine for a demo and wrong for production: a warning says so.
 */
@Component
public class PersonalData {

	private static final Logger log = LoggerFactory.getLogger(PersonalData.class);

	private static final byte FORMAT_V1 = 1;

	private static final int IV_BYTES = 12;

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec lookupKey;

	private final SecureRandom random = new SecureRandom();

	// Mac and Cipher are not thread-safe and costly to look up: one of each per thread (imports hash millions)
	private final ThreadLocal<Mac> macs;

	private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	});

	public PersonalData(BangfuProperties properties) {
		byte[][] keys = loadKeys(properties);
		this.encryptionKey = new SecretKeySpec(keys[0], "AES");
		this.lookupKey = new SecretKeySpec(keys[1], "HmacSHA256");
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(lookupKey);
				return mac;
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	/** The keyed hash by which an exact value is found; blanks and case of an ID's check letter ignored. */
	public byte[] lookupHash(String value) {
		return macs.get().doFinal(normalise(value).getBytes(StandardCharsets.UTF_8));
	}

	public byte[] encrypt(String value) {
		try {
			byte[] iv = new byte[IV_BYTES];
			random.nextBytes(iv);
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[1 + IV_BYTES + sealed.length];
			out[0] = FORMAT_V1;
			System.arraycopy(iv, 0, out, 1, IV_BYTES);
			System.arraycopy(sealed, 0, out, 1 + IV_BYTES, sealed.length);
			return out;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public String decrypt(byte[] stored) {
		if (stored == null) {
			return null;
		}
		if (stored.length < 1 + IV_BYTES + 16 || stored[0] != FORMAT_V1) {
			throw new IllegalStateException("not a value sealed by this application");
		}
		try {
			Cipher cipher = ciphers.get();
			cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(128, stored, 1, IV_BYTES));
			byte[] plain = cipher.doFinal(stored, 1 + IV_BYTES, stored.length - 1 - IV_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("personal data cannot be decrypted: wrong bangfu.keys.personal-data?", e);
		}
	}

	private static String normalise(String value) {
		return value.strip().toUpperCase(java.util.Locale.ROOT);
	}

	private static byte[][] loadKeys(BangfuProperties properties) {
		BangfuProperties.Keys configured = properties.keys();
		if (configured.personalData() != null && configured.lookup() != null) {
			return new byte[][] { decodeKey("bangfu.keys.personal-data", configured.personalData()),
					decodeKey("bangfu.keys.lookup", configured.lookup()) };
		}
		if (configured.personalData() != null || configured.lookup() != null) {
			throw new IllegalStateException("set both bangfu.keys.personal-data and bangfu.keys.lookup, or neither");
		}
		Path file = properties.dataDir().resolve("keys").resolve("personal-data.properties");
		try {
			Properties stored = new Properties();
			if (Files.exists(file)) {
				try (InputStream in = Files.newInputStream(file)) {
					stored.load(in);
				}
			}
			else {
				Files.createDirectories(file.getParent());
				SecureRandom random = new SecureRandom();
				stored.setProperty("personal-data", newKey(random));
				stored.setProperty("lookup", newKey(random));
				try (OutputStream out = Files.newOutputStream(file)) {
					stored.store(out, "Bangfu demo keys, generated because bangfu.keys.* was not set. Back this file up with the database.");
				}
				if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
			}
			log.warn("个人信息加密密钥来自 {}（自动生成的演示密钥）。生产环境必须通过 bangfu.keys.personal-data 和 "
					+ "bangfu.keys.lookup 提供自己的密钥。 / Personal data keys come from a generated demo key file; "
					+ "production must supply bangfu.keys.personal-data and bangfu.keys.lookup.", file.toAbsolutePath());
			return new byte[][] { decodeKey("personal-data in " + file, stored.getProperty("personal-data")),
					decodeKey("lookup in " + file, stored.getProperty("lookup")) };
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read or create the key file " + file, e);
		}
	}

	private static String newKey(SecureRandom random) {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static byte[] decodeKey(String name, String base64) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException(name + " is not base64", e);
		}
		if (key.length != 32) {
			throw new IllegalStateException(name + " must be 32 bytes (base64 of 32 random bytes, e.g. `openssl rand -base64 32`)");
		}
		return key;
	}
}
