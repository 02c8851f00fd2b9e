package org.bangfu.shared;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code bangfu.*} settings (README, "Configuration").
 *
 * @param dataDir where the embedded PostgreSQL, uploads and generated keys live
 * @param demo seed the demo data; unset means "only when the embedded database is used"
 * @param rootRegion the region this deployment serves (a city, a province, or 000000 for the nation)
 * @param embeddedDb settings of the embedded PostgreSQL
 * @param keys the keys that protect personal data
 */
@ConfigurationProperties("bangfu")
public record BangfuProperties(
		@DefaultValue("./data") Path dataDir,
		Boolean demo,
		@DefaultValue("430400") String rootRegion,
		@DefaultValue EmbeddedDb embeddedDb,
		@DefaultValue Keys keys) {

	/** Whether to seed the demo data: as configured, else only on the embedded database (DESIGN.md §7). */
	public boolean seedsDemo(org.springframework.core.env.Environment environment) {
		return demo != null ? demo : EmbeddedDatabaseCondition.usesEmbedded(environment);
	}

	/**
	 * @param port the port it listens on (localhost only); 0 picks a free one
	 */
	public record EmbeddedDb(@DefaultValue("0") int port) {
	}

	/**
	 * @param personalData base64 of 32 random bytes: the AES-256 key for ID numbers and phones at rest
	 * @param lookup base64 of 32 random bytes: the HMAC key of their search hashes
	 */
	public record Keys(String personalData, String lookup) {
	}
}
