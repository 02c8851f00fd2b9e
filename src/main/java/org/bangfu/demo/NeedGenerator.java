package org.bangfu.demo;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.bangfu.shared.BadInputException;
import org.bangfu.shared.RegionCode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Component;

/**
 * Synthetic open needs for benchmarks (issue #5): {@code generate-needs --count=1000000}. Inserts
 * PUBLISHED and PARTLY_PLEDGED needs with their items straight into the database with COPY, spread
 * over the villages of the region table (every village equally likely within its province, the
 * provinces weighted towards the central and western ones where most poor villages were), with
 * titles and stories from templates of real words, so that keyword search and its selectivity
 * behave as on real data. No personal data: there are no households; a household's need names a
 * masked-looking beneficiary as its producer (the CHECK on need wants a household, a producer or a
 * village project). Deterministic for a given seed, count and region table.
 */
@Component
public class NeedGenerator {

	static final int BATCH = 20_000;

	private final DataSource dataSource;

	NeedGenerator(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public record Result(long needs, long items, long villages, long firstId, long lastId, long millis) {
	}

	/**
	 * @param regionPrefix the villages whose code starts with this (a region code's prefix), or all villages when empty
	 */
	public Result generate(long count, long seed, String regionPrefix, Instant now) throws SQLException, IOException {
		if (count <= 0) {
			throw new IllegalArgumentException("--count 须为正整数 / must be positive");
		}
		String prefix = regionPrefix == null || regionPrefix.isBlank() ? "" : RegionCode.parse(regionPrefix).prefix();
		now = now.truncatedTo(ChronoUnit.SECONDS);
		long start = System.nanoTime();
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(true);
			WeightedVillages villages = WeightedVillages.load(c, prefix);
			if (villages.codes.isEmpty()) {
				throw new BadInputException("region.not-found", prefix.isEmpty() ? "(villages)" : prefix);
			}
			long[] staff = staff(c);
			long firstId;
			try (PreparedStatement s = c.prepareStatement(
					"SELECT setval(pg_get_serial_sequence('need', 'id'), nextval(pg_get_serial_sequence('need', 'id')) + ? - 1) - ? + 1")) {
				s.setLong(1, count);
				s.setLong(2, count);
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					firstId = rs.getLong(1);
				}
			}
			// One transaction: the secondary indexes of need are dropped, the rows copied, the indexes built again in one
			// pass each (far faster than maintaining the trigram index row by row); a failure leaves everything as it was.
			c.setAutoCommit(false);
			List<String> indexes = new ArrayList<>();
			try (Statement s = c.createStatement()) {
				try (ResultSet rs = s.executeQuery("""
						SELECT indexname, indexdef FROM pg_indexes i
						WHERE schemaname = current_schema() AND tablename = 'need'
						  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname)
						ORDER BY indexname""")) {
					while (rs.next()) {
						indexes.add(rs.getString(2));
					}
				}
				for (String def : indexes) {
					s.execute("DROP INDEX " + def.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2"));
				}
				s.execute("SET LOCAL maintenance_work_mem = '256MB'");
			}
			CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
			SplittableRandom random = new SplittableRandom(seed);
			SyntheticNeedRows texts = new SyntheticNeedRows();
			long items = 0;
			StringBuilder needRows = new StringBuilder(BATCH * 1200);
			StringBuilder itemRows = new StringBuilder(BATCH * 300);
			for (long done = 0; done < count;) {
				int n = (int) Math.min(BATCH, count - done);
				needRows.setLength(0);
				itemRows.setLength(0);
				for (int i = 0; i < n; i++) {
					items += texts.need(firstId + done + i, villages.pick(random), random, staff, now, needRows, itemRows);
				}
				copy.copyIn(NEED_COPY, new StringReader(needRows.toString()));
				copy.copyIn(ITEM_COPY, new StringReader(itemRows.toString()));
				done += n;
				if (done % 100_000 == 0 || done == count) {
					System.out.printf("  %,d / %,d needs (%d s)%n", done, count, (System.nanoTime() - start) / 1_000_000_000);
				}
			}
			try (Statement s = c.createStatement()) {
				for (String def : indexes) {
					long t = System.nanoTime();
					s.execute(def);
					System.out.printf("  %s (%d s)%n", def.replaceFirst(" USING .*$", ""), (System.nanoTime() - t) / 1_000_000_000);
				}
			}
			c.commit();
			c.setAutoCommit(true);
			try (Statement s = c.createStatement()) {
				// the visibility map too, so that index-only scans need no heap visit, as autovacuum would leave it
				s.execute("VACUUM (ANALYZE) need");
				s.execute("VACUUM (ANALYZE) need_item");
			}
			return new Result(count, items, villages.codes.size(), firstId, firstId + count - 1, (System.nanoTime() - start) / 1_000_000);
		}
	}

	private static final String NEED_COPY = """
			COPY need (id, region_code, category, title, story, household_id, producer, urgency, needed_by, state, poster_id, on_behalf,
			           total_quantity, pledged_quantity, total_value_fen, product, price_fen, production_cycle, sales_from_month,
			           sales_to_month, verified_by, created_at, submitted_at, verified_at, published_at, updated_at, version, search_pairs)
			FROM STDIN (FORMAT text)""";

	private static final String ITEM_COPY = """
			COPY need_item (need_id, position, kind, name, quantity, unit, value_fen, pledged_quantity) FROM STDIN (FORMAT text)""";

	/** The poster (a staff account: the first city admin, else any staff) and a verifier other than the poster when there is one. */
	private static long[] staff(Connection c) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("""
						SELECT account_id FROM role_grant
						WHERE revoked_at IS NULL AND role IN ('CITY_ADMIN', 'COUNTY_ADMIN', 'TOWNSHIP_MANAGER', 'VILLAGE_OFFICER')
						GROUP BY account_id ORDER BY min(CASE role WHEN 'CITY_ADMIN' THEN 0 WHEN 'COUNTY_ADMIN' THEN 1 ELSE 2 END), account_id
						LIMIT 2""")) {
			while (rs.next()) {
				ids.add(rs.getLong(1));
			}
		}
		if (ids.isEmpty()) {
			throw new IllegalStateException("没有工作人员账号可作发布人（先以 bangfu.demo=true 启动一次）/ no staff account to post as: start once with the demo seed");
		}
		return new long[] { ids.get(0), ids.size() > 1 ? ids.get(1) : ids.get(0) };
	}
}
