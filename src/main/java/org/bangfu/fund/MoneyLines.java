package org.bangfu.fund;

import java.util.List;
import java.util.Optional;

import org.bangfu.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each money line of a need has been promised and received (fund_money_line). Every change locks the line's row
 * first, so concurrent gifts queue up and promised + received never exceed the target (the table's CHECK stands behind
 * it).
 */
@Component
public class MoneyLines {

	/** A line's figures in fen; {@code pledgeId} is the fund's pledge of the line once it is covered. */
	public record Line(long needId, int position, String regionCode, String category, long targetFen, long promisedFen, long receivedFen,
			Long pledgeId) {

		/** What no gift holds yet: what a donor may still give. */
		public long openFen() {
			return targetFen - promisedFen - receivedFen;
		}

		/** What is still missing until the money received covers the line. */
		public long missingFen() {
			return targetFen - receivedFen;
		}

		public boolean covered() {
			return receivedFen == targetFen;
		}
	}

	private final JdbcClient jdbc;

	MoneyLines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The need's money line at the position, refused unless it exists (400), is a money line and the need is open (409). */
	static org.bangfu.need.NeedItem openLineOf(org.bangfu.need.NeedPledging.Open need, int position) {
		java.util.List<org.bangfu.need.NeedItem> items = need.items();
		if (position < 0 || position >= items.size()) {
			throw new org.bangfu.shared.BadInputException("fund.gift.item-unknown", position);
		}
		org.bangfu.need.NeedItem item = items.get(position);
		if (!item.money()) {
			throw new ConflictException("fund.gift.not-money-line", item.name());
		}
		if (!org.bangfu.need.NeedState.OPEN.contains(need.state())) {
			throw new ConflictException("fund.gift.need-not-open", item.name());
		}
		return item;
	}

	/** The line, created on its first gift, its row locked until the transaction ends. */
	Line locked(long needId, int position, String regionCode, String category, long targetFen) {
		jdbc.sql("""
				INSERT INTO fund_money_line (need_id, position, region_code, category, target_fen) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (need_id, position) DO NOTHING""")
			.params(needId, position, regionCode, category, targetFen)
			.update();
		return lockedExisting(needId, position).orElseThrow();
	}

	Optional<Line> lockedExisting(long needId, int position) {
		return jdbc.sql("SELECT * FROM fund_money_line WHERE need_id = ? AND position = ? FOR UPDATE")
			.params(needId, position)
			.query(MoneyLines::line)
			.optional();
	}

	/** Adds to (or, negative, takes from) the line's promised and received sums. */
	void change(long needId, int position, long promisedFen, long receivedFen) {
		int updated = jdbc.sql("""
				UPDATE fund_money_line SET promised_fen = promised_fen + ?, received_fen = received_fen + ?
				WHERE need_id = ? AND position = ? AND promised_fen + ? >= 0 AND received_fen + ? >= 0
				  AND promised_fen + received_fen + ? + ? <= target_fen""")
			.params(promisedFen, receivedFen, needId, position, promisedFen, receivedFen, promisedFen, receivedFen)
			.update();
		if (updated == 0) {
			throw new ConflictException("fund.gift.more-than-missing");
		}
	}

	void pledged(long needId, int position, long pledgeId) {
		jdbc.sql("UPDATE fund_money_line SET pledge_id = ? WHERE need_id = ? AND position = ?").params(pledgeId, needId, position).update();
	}

	/** Covered lines in the scope (the fund pledged them) with no payment paid yet: the fund staff's next payments. */
	public List<Line> waitingForPayment(org.bangfu.region.Scope scope) {
		return scope.bind(jdbc.sql("""
				SELECT * FROM fund_money_line l
				WHERE l.pledge_id IS NOT NULL AND %s
				  AND NOT EXISTS (SELECT 1 FROM fund_payment p WHERE p.need_id = l.need_id AND p.position = l.position AND p.state = 'PAID')
				ORDER BY l.need_id, l.position LIMIT 200""".formatted(scope.sql("l.region_code"))))
			.query(MoneyLines::line)
			.list();
	}

	/** The money lines of a need that have had gifts, by position. */
	public List<Line> ofNeed(long needId) {
		return jdbc.sql("SELECT * FROM fund_money_line WHERE need_id = ? ORDER BY position").param(needId).query(MoneyLines::line).list();
	}

	/** The money lines of the needs that have had gifts, in one query (campaigns weigh what is still open of each). */
	public List<Line> ofNeeds(java.util.Collection<Long> needIds) {
		if (needIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM fund_money_line WHERE need_id = ANY(?) ORDER BY need_id, position")
			.param(needIds.toArray(Long[]::new))
			.query(MoneyLines::line)
			.list();
	}

	private static Line line(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Line(rs.getLong("need_id"), rs.getInt("position"), rs.getString("region_code"), rs.getString("category"),
				rs.getLong("target_fen"), rs.getLong("promised_fen"), rs.getLong("received_fen"), rs.getObject("pledge_id", Long.class));
	}
}
