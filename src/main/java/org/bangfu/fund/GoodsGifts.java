package org.bangfu.fund;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Goods given to the fund, recorded by fund staff at the value the donor declared (no appraisal: the declared value is
 * what the receipt says): a receipt number and the ledger's GOODS_RECEIVED (goods +, goods-pool −). Handing them on
 * (to a need, a village, a school) is GOODS_GRANTED, once. The SQL of fund_goods_gift.
 */
@Service
public class GoodsGifts {

	public record GoodsGift(long id, String receiptNumber, Long donorId, String shownAs, String description, long valueFen, long recordedBy,
			Instant recordedAt, String grantedTo, Long grantedBy, Instant grantedAt) {
	}

	private final JdbcClient jdbc;

	private final ReceiptNumbers receipts;

	private final FundLedger ledger;

	private final FundAccounts accounts;

	private final OperationLog log;

	private final Clock clock;

	GoodsGifts(JdbcClient jdbc, ReceiptNumbers receipts, FundLedger ledger, FundAccounts accounts, OperationLog log, Clock clock) {
		this.jdbc = jdbc;
		this.receipts = receipts;
		this.ledger = ledger;
		this.accounts = accounts;
		this.log = log;
		this.clock = clock;
	}

	/** {@code shownAs}: the donor as they chose to appear in public (a name, 爱心人士); {@code donorId} their account, if any. */
	@Transactional
	public GoodsGift record(BangfuUser staff, Long donorId, String shownAs, String description, Long valueFen) {
		FundStaff.scopeOf(staff);
		String shown = shownAs == null || shownAs.isBlank() ? Giving.ANONYMOUS : shownAs.strip();
		if (description == null || description.isBlank()) {
			throw new BadInputException("fund.goods.description-required");
		}
		if (shown.length() > 60 || description.strip().length() > 200) {
			throw new BadInputException("fund.text-too-long", 200);
		}
		if (valueFen == null || valueFen <= 0) {
			throw new BadInputException("fund.amount-positive");
		}
		if (valueFen > Giving.MAX_GIFT_FEN) {
			throw new BadInputException("fund.gift.amount-too-large");
		}
		Instant at = clock.instant();
		String receipt = receipts.next(at);
		accounts.ensure(FundAccounts.GOODS, AccountKind.GOODS);
		accounts.ensure(FundAccounts.GOODS_POOL, AccountKind.POOL);
		ledger.post(EntryKind.GOODS_RECEIVED, GiftArrival.memo("物资捐赠", receipt, shown),
				List.of(new LedgerLine(FundAccounts.GOODS, valueFen), new LedgerLine(FundAccounts.GOODS_POOL, -valueFen)));
		long id = jdbc.sql("""
				INSERT INTO fund_goods_gift (receipt_number, donor_id, shown_as, description, value_fen, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(receipt, donorId, shown, description.strip(), valueFen, staff.id(), Timestamp.from(at))
			.query(Long.class)
			.single();
		log.record(staff.id(), "fund.goods.receive", "goods:" + id, null, receipt + " " + org.bangfu.shared.Money.yuan(valueFen) + " 元");
		return get(id);
	}

	/** The goods handed on to {@code to} (a need, a village, a school: public words, no personal data). */
	@Transactional
	public GoodsGift grant(BangfuUser staff, long id, String to) {
		FundStaff.scopeOf(staff);
		if (to == null || to.isBlank() || to.strip().length() > 100) {
			throw new BadInputException("fund.goods.to-required");
		}
		GoodsGift g = jdbc.sql("SELECT * FROM fund_goods_gift WHERE id = ? FOR UPDATE").param(id).query(GoodsGifts::goods).optional()
			.orElseThrow(() -> new NotFoundException("fund.goods.not-found"));
		if (g.grantedAt() != null) {
			throw new ConflictException("fund.goods.granted-already", g.receiptNumber());
		}
		ledger.post(EntryKind.GOODS_GRANTED, GiftArrival.memo("物资转赠", g.receiptNumber(), to.strip()),
				List.of(new LedgerLine(FundAccounts.GOODS_POOL, g.valueFen()), new LedgerLine(FundAccounts.GOODS, -g.valueFen())));
		jdbc.sql("UPDATE fund_goods_gift SET granted_to = ?, granted_by = ?, granted_at = ? WHERE id = ?")
			.params(to.strip(), staff.id(), Timestamp.from(clock.instant()), id)
			.update();
		log.record(staff.id(), "fund.goods.grant", "goods:" + id, null, to.strip());
		return get(id);
	}

	public GoodsGift get(long id) {
		return jdbc.sql("SELECT * FROM fund_goods_gift WHERE id = ?").param(id).query(GoodsGifts::goods).optional()
			.orElseThrow(() -> new NotFoundException("fund.goods.not-found"));
	}

	private static GoodsGift goods(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp granted = rs.getTimestamp("granted_at");
		return new GoodsGift(rs.getLong("id"), rs.getString("receipt_number"), rs.getObject("donor_id", Long.class), rs.getString("shown_as"),
				rs.getString("description"), rs.getLong("value_fen"), rs.getLong("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
				rs.getString("granted_to"), rs.getObject("granted_by", Long.class), granted == null ? null : granted.toInstant());
	}
}
