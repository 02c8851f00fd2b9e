package org.bangfu.shared;

import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataTest {

	@TempDir
	Path dataDir;

	private BangfuProperties properties(String dataKey, String lookupKey) {
		return new BangfuProperties(dataDir, null, "430400", new BangfuProperties.EmbeddedDb(0),
				new BangfuProperties.Keys(dataKey, lookupKey));
	}

	@Test
	void encryptsWithAFreshIvAndDecryptsBack() {
		PersonalData data = new PersonalData(properties(null, null));
		byte[] a = data.encrypt("13800000004");
		byte[] b = data.encrypt("13800000004");
		assertThat(a).isNotEqualTo(b);
		assertThat(new String(a, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("13800000004");
		assertThat(data.decrypt(a)).isEqualTo("13800000004");
	}

	@Test
	void lookupHashIsStableAndIgnoresCaseOfTheCheckLetter() {
		PersonalData data = new PersonalData(properties(null, null));
		assertThat(data.lookupHash("43042119900101123x")).isEqualTo(data.lookupHash(" 43042119900101123X "));
		assertThat(data.lookupHash("13800000004")).isNotEqualTo(data.lookupHash("13800000005"));
	}

	@Test
	void theGeneratedDemoKeyIsKeptAcrossRestarts() {
		byte[] sealed = new PersonalData(properties(null, null)).encrypt("秘密");
		assertThat(new PersonalData(properties(null, null)).decrypt(sealed)).isEqualTo("秘密");
		assertThat(dataDir.resolve("keys/personal-data.properties")).exists();
	}

	@Test
	void configuredKeysAreUsedAndAWrongKeyCannotDecrypt() {
		String k1 = Base64.getEncoder().encodeToString(new byte[32]);
		byte[] other = new byte[32];
		other[0] = 1;
		String k2 = Base64.getEncoder().encodeToString(other);
		byte[] sealed = new PersonalData(properties(k1, k1)).encrypt("4304");
		assertThat(dataDir.resolve("keys")).doesNotExist();
		assertThatThrownBy(() -> new PersonalData(properties(k2, k1)).decrypt(sealed)).isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> new PersonalData(properties(Base64.getEncoder().encodeToString(new byte[16]), k1))).hasMessageContaining("32 bytes");
	}
}
