package org.bangfu.exchange;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * A node's Ed25519 keys with the JDK's own provider: public keys as X.509 SubjectPublicKeyInfo, private
 * keys as PKCS#8, each as base64 (DER) or PEM. A node publishes its public key to the nodes it links to.
 */
public final class NodeKeys {

	static final String ALGORITHM = "Ed25519";

	private NodeKeys() {
	}

	public static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 is part of the JDK since 15", e);
		}
	}

	public static String publicKeyBase64(PublicKey key) {
		return Base64.getEncoder().encodeToString(key.getEncoded());
	}

	public static String privateKeyBase64(PrivateKey key) {
		return Base64.getEncoder().encodeToString(key.getEncoded());
	}

	public static String publicKeyPem(PublicKey key) {
		return pem("PUBLIC KEY", key.getEncoded());
	}

	public static String privateKeyPem(PrivateKey key) {
		return pem("PRIVATE KEY", key.getEncoded());
	}

	/** Reads a public key from base64 DER or PEM; IllegalArgumentException when it is not an Ed25519 key. */
	public static PublicKey publicKey(String text) {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(text)));
		} catch (GeneralSecurityException e) {
			throw new IllegalArgumentException("not an Ed25519 public key", e);
		}
	}

	/** Reads a private key from base64 DER or PEM; IllegalArgumentException when it is not an Ed25519 key. */
	public static PrivateKey privateKey(String text) {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(text)));
		} catch (GeneralSecurityException e) {
			throw new IllegalArgumentException("not an Ed25519 private key", e);
		}
	}

	private static byte[] der(String text) {
		String body = text.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
		return Base64.getDecoder().decode(body);
	}

	private static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}
}
