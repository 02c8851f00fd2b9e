package org.bangfu.exchange;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalJsonTest {

	@Test
	void theFormIsIndependentOfKeyOrderAndWhitespace() {
		String a = "{\"b\":1,\"a\":{\"y\":[3,{\"q\":\"衡阳\",\"p\":true}],\"x\":null}}";
		String b = """
				{
				  "a" : { "x" : null, "y" : [ 3, { "p" : true, "q" : "衡阳" } ] },
				  "b" : 1
				}
				""";
		String canonical = "{\"a\":{\"x\":null,\"y\":[3,{\"p\":true,\"q\":\"衡阳\"}]},\"b\":1}";
		assertThat(CanonicalJson.text(CanonicalJson.MAPPER.readTree(a))).isEqualTo(canonical);
		assertThat(CanonicalJson.bytes(CanonicalJson.MAPPER.readTree(b))).isEqualTo(canonical.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void arraysKeepTheirOrderAndStringsTheirEscapes() {
		assertThat(CanonicalJson.text(CanonicalJson.MAPPER.readTree("[2, 1, \"a\\\"b\\n\"]"))).isEqualTo("[2,1,\"a\\\"b\\n\"]");
	}

	@Test
	void keysRoundTripThroughBase64AndPem() {
		KeyPair keys = NodeKeys.generate();
		assertThat(NodeKeys.publicKey(NodeKeys.publicKeyBase64(keys.getPublic()))).isEqualTo(keys.getPublic());
		assertThat(NodeKeys.publicKey(NodeKeys.publicKeyPem(keys.getPublic()))).isEqualTo(keys.getPublic());
		assertThat(NodeKeys.privateKey(NodeKeys.privateKeyPem(keys.getPrivate())).getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
		assertThat(NodeKeys.publicKeyPem(keys.getPublic())).startsWith("-----BEGIN PUBLIC KEY-----\n");
	}
}
