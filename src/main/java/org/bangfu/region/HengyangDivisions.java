package org.bangfu.region;

import java.io.InputStream;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration V2: loads the shipped Hengyang division codes (city, 14 county-level units, 191
 * townships, 2,785 villages) on first start. A larger deployment imports its own file on top with
 * {@code java -jar bangfu.jar import-divisions FILE}.
 */
@Component
class HengyangDivisions implements JavaMigration {

	static final String RESOURCE = "/regions/hengyang-divisions.csv";

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("2");
	}

	@Override
	public String getDescription() {
		return "hengyang divisions";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		try (InputStream in = HengyangDivisions.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the jar");
			}
			DivisionFile.load(context.getConnection(), in);
		}
	}
}
