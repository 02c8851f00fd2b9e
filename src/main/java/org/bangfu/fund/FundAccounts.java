package org.bangfu.fund;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fund's ledger accounts by what they are for: its bank account, its general pool, its goods in kind, one account per
 * money line of a need and one per payee. The codes are public (they appear in the export): ids only, never names.
 */
@Component
public class FundAccounts {

	public static final String BANK = "bank";

	public static final String POOL = "pool";

	public static final String GOODS = "goods";

	public static final String GOODS_POOL = "goods-pool";

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	FundAccounts(JdbcClient jdbc, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public static String need(long needId, int position) {
		return "need-" + needId + "-" + position;
	}

	public static String payee(long payeeId) {
		return "payee-" + payeeId;
	}

	/** Opens the account if it does not exist yet (the fund's own accounts and a line's on its first money). */
	@Transactional(propagation = Propagation.MANDATORY)
	public String ensure(String code, AccountKind kind) {
		jdbc.sql("INSERT INTO fund_ledger_account (code, kind, created_at) VALUES (?, ?, ?) ON CONFLICT (code) DO NOTHING")
			.params(code, kind.name(), java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
			.update();
		return code;
	}

	/** The bank and pool accounts, opened on first use. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void ensureOwn() {
		ensure(BANK, AccountKind.BANK);
		ensure(POOL, AccountKind.POOL);
	}
}
