package org.bangfu.fund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The fund's row mappers' shared conversions of nullable timestamps. */
final class Rows {

	private Rows() {
	}

	static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
