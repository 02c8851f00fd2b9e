package org.bangfu.fund;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.need.NeedItem;
import org.bangfu.need.NeedPledging;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.Money;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fund grants from its general pool to a need's money line (a grant is a pledge by the fund): at most what the line
 * still misses and what the pool holds (the ledger refuses a negative pool, 409). The line's received sum grows as with
 * a gift, and a grant that covers the line makes the fund's pledge of it ({@link MoneyLineCovered}). The SQL of
 * fund_grant.
 */
@Service
public class Grants {

	private final MoneyLines lines;

	private final NeedPledging needs;

	private final FundLedger ledger;

	private final FundAccounts accounts;

	private final OperationLog log;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Clock clock;

	Grants(MoneyLines lines, NeedPledging needs, FundLedger ledger, FundAccounts accounts, OperationLog log, ApplicationEventPublisher events,
			JdbcClient jdbc, Clock clock) {
		this.lines = lines;
		this.needs = needs;
		this.ledger = ledger;
		this.accounts = accounts;
		this.log = log;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public record Grant(long id, long needId, int position, String regionCode, long amountFen, long grantedBy, Instant grantedAt) {
	}

	@Transactional
	public Grant grant(BangfuUser staff, long needId, Integer position, Long amountFen) {
		FundStaff.scopeOf(staff);
		if (amountFen == null || amountFen <= 0) {
			throw new BadInputException("fund.amount-positive");
		}
		if (amountFen > Giving.MAX_GIFT_FEN) {
			throw new BadInputException("fund.gift.amount-too-large");
		}
		if (position == null) {
			throw new BadInputException("fund.gift.item-required");
		}
		NeedPledging.Open need = needs.get(needId);
		FundStaff.require(staff, need.regionCode());
		NeedItem item = MoneyLines.openLineOf(need, position);
		MoneyLines.Line line = lines.locked(needId, position, need.regionCode(), need.category().name(), item.valueFen());
		if (amountFen > line.openFen()) {
			throw new ConflictException("fund.grant.more-than-open", Money.yuan(line.openFen()));
		}
		Instant at = clock.instant();
		accounts.ensureOwn();
		String account = accounts.ensure(FundAccounts.need(needId, position), AccountKind.NEED);
		// the ledger refuses a grant larger than the pool (409 fund.ledger.balance-negative on "pool"), nothing written
		ledger.post(EntryKind.GRANT, GiftArrival.memo("基金池资助", "need " + needId),
				List.of(new LedgerLine(FundAccounts.POOL, amountFen), new LedgerLine(account, -amountFen)));
		lines.change(needId, position, 0, amountFen);
		long id = jdbc.sql("""
				INSERT INTO fund_grant (need_id, position, region_code, amount_fen, granted_by, granted_at)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(needId, position, need.regionCode(), amountFen, staff.id(), Timestamp.from(at))
			.query(Long.class)
			.single();
		log.record(staff.id(), "fund.grant", "need:" + needId, need.regionCode(), "第 " + id + " 号拨款，第 " + (position + 1) + " 项，" + org.bangfu.shared.Money.yuan(amountFen) + " 元");
		MoneyLines.Line after = lines.lockedExisting(needId, position).orElseThrow();
		if (after.covered()) {
			events.publishEvent(new MoneyLineCovered(needId, position, after.targetFen(), at));
		}
		return new Grant(id, needId, position, need.regionCode(), amountFen, staff.id(), at);
	}

	/** The grants to a line, oldest first. */
	public List<Grant> ofLine(long needId, int position) {
		return jdbc.sql("SELECT * FROM fund_grant WHERE need_id = ? AND position = ? ORDER BY id")
			.params(needId, position)
			.query((rs, n) -> new Grant(rs.getLong("id"), rs.getLong("need_id"), rs.getInt("position"), rs.getString("region_code"),
					rs.getLong("amount_fen"), rs.getLong("granted_by"), rs.getTimestamp("granted_at").toInstant()))
			.list();
	}
}
