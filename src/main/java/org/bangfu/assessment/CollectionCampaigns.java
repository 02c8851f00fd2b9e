package org.bangfu.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bangfu.need.NeedCategory;
import org.bangfu.region.Scope;
import org.bangfu.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the collection_campaign table. */
@Component
class CollectionCampaigns {

	private final JdbcClient jdbc;

	CollectionCampaigns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String name, String regionCode, QuotaRules r, boolean holds, long by, Instant at) {
		return jdbc.sql("""
				INSERT INTO collection_campaign (name, region_code, starts_on, deadline, categories, quota_poor_village, quota_other_village,
				       quota_township, monthly_min, monthly_max, township_monthly, timely_days, holds, state, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'COLLECTING', ?, ?) RETURNING id""")
			.params(name, regionCode, r.startsOn(), r.deadline(), r.categories().stream().map(Enum::name).toArray(String[]::new), r.poorVillage(),
					r.otherVillage(), r.township(), r.monthlyMin(), r.monthlyMax(), r.townshipMonthly(), r.timelyDays(), holds, by, Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	Optional<CollectionCampaign> find(long id) {
		return jdbc.sql("SELECT * FROM collection_campaign WHERE id = ?").param(id).query(CollectionCampaigns::campaign).optional();
	}

	/** Writes the launch fields if nobody changed the campaign since it was loaded (else 409: two launches at once). */
	void save(CollectionCampaign c) {
		int updated = jdbc.sql("""
				UPDATE collection_campaign SET state = ?, launch_at = ?, launched_at = ?, published = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(c.state().name(), ts(c.launchAt()), ts(c.launchedAt()), c.published(), c.id(), c.version())
			.update();
		if (updated == 0) {
			throw new ConflictException("collection-campaign.launched-already");
		}
	}

	/** The campaigns whose area lies within the scope, newest first. */
	List<CollectionCampaign> within(Scope scope) {
		return scope.bind(jdbc.sql("SELECT * FROM collection_campaign WHERE " + scope.sql("region_code") + " ORDER BY starts_on DESC, id DESC"))
			.query(CollectionCampaigns::campaign)
			.list();
	}

	/** The campaigns whose area is one of the codes (a region and its ancestors) or lies inside the scope, newest first. */
	List<CollectionCampaign> concerning(List<String> areaCodes, Scope inside) {
		return inside.bind(jdbc.sql("""
				SELECT * FROM collection_campaign WHERE region_code IN (:codes) OR %s
				ORDER BY starts_on DESC, id DESC""".formatted(inside.sql("region_code"))))
			.param("codes", areaCodes)
			.query(CollectionCampaigns::campaign)
			.list();
	}

	/**
	 * The campaigns that concern a region and whose period ended before the day (for the monthly rules): those whose area
	 * is the region or one of its ancestors (given by code), and those inside it — newest deadline first.
	 */
	List<CollectionCampaign> endedBefore(List<String> areaCodes, Scope inside, LocalDate day) {
		return inside.bind(jdbc.sql("""
				SELECT * FROM collection_campaign
				WHERE deadline < :day AND (region_code IN (:codes) OR %s)
				ORDER BY deadline DESC, id DESC""".formatted(inside.sql("region_code"))))
			.param("day", day)
			.param("codes", areaCodes)
			.query(CollectionCampaigns::campaign)
			.list();
	}

	/** The collecting campaigns whose launch moment has come. */
	List<Long> dueAt(Instant now) {
		return jdbc.sql("SELECT id FROM collection_campaign WHERE state = 'COLLECTING' AND launch_at <= ? ORDER BY launch_at, id")
			.param(Timestamp.from(now))
			.query(Long.class)
			.list();
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static CollectionCampaign campaign(ResultSet rs, int n) throws SQLException {
		List<NeedCategory> categories = Arrays.stream((String[]) rs.getArray("categories").getArray()).map(NeedCategory::valueOf).toList();
		QuotaRules rules = new QuotaRules(rs.getObject("starts_on", LocalDate.class), rs.getObject("deadline", LocalDate.class), categories,
				rs.getInt("quota_poor_village"), rs.getInt("quota_other_village"), rs.getInt("quota_township"), rs.getInt("monthly_min"),
				rs.getInt("monthly_max"), rs.getInt("township_monthly"), rs.getInt("timely_days"));
		Timestamp launchAt = rs.getTimestamp("launch_at");
		Timestamp launchedAt = rs.getTimestamp("launched_at");
		return new CollectionCampaign(rs.getLong("id"), rs.getString("name"), rs.getString("region_code"), rules, rs.getBoolean("holds"),
				rs.getLong("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"),
				CollectionCampaign.State.valueOf(rs.getString("state")), launchAt == null ? null : launchAt.toInstant(),
				launchedAt == null ? null : launchedAt.toInstant(), (Integer) rs.getObject("published"));
	}
}
