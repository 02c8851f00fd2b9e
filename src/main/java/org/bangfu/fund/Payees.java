package org.bangfu.fund;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.Masking;
import org.bangfu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The fund's payees (fund_payee): hospitals, schools, suppliers, builders by name; a household only by exception. */
@Service
public class Payees {

	/** A payee. Its public forms: an organisation by its name, a household's name masked; a household's account number masked. */
	public record Payee(long id, String name, PayeeKind kind, String bank, String accountNumber) {

		public boolean household() {
			return kind == PayeeKind.HOUSEHOLD;
		}

		public String publicName() {
			return household() ? Masking.name(name) : name;
		}

		/** The account number as public pages show it: a household's masked (the last four digits kept), an organisation's as is. */
		public String publicAccountNumber() {
			if (!household()) {
				return accountNumber;
			}
			String digits = accountNumber.replaceAll("\\s", "");
			return digits.length() <= 4 ? "****" : "*".repeat(Math.min(12, digits.length() - 4)) + digits.substring(digits.length() - 4);
		}
	}

	private final JdbcClient jdbc;

	private final OperationLog log;

	private final Clock clock;

	Payees(JdbcClient jdbc, OperationLog log, Clock clock) {
		this.jdbc = jdbc;
		this.log = log;
		this.clock = clock;
	}

	@Transactional
	public Payee create(BangfuUser staff, String name, PayeeKind kind, String bank, String accountNumber) {
		FundStaff.scopeOf(staff);
		String n = text(name, 100, "fund.payee.name-required");
		if (kind == null) {
			throw new BadInputException("fund.payee.kind-required");
		}
		String b = text(bank, 100, "fund.payee.bank-required");
		String a = text(accountNumber, 40, "fund.payee.account-required");
		if (!a.matches("[0-9 \\-]{6,40}")) {
			throw new BadInputException("fund.payee.account-invalid");
		}
		long id = jdbc.sql("INSERT INTO fund_payee (name, kind, bank, account_number, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
			.params(n, kind.name(), b, a, staff.id(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		Payee payee = get(id);
		log.record(staff.id(), "fund.payee.create", "payee:" + id, null, payee.publicName());
		return payee;
	}

	private static String text(String value, int max, String missingKey) {
		if (value == null || value.isBlank()) {
			throw new BadInputException(missingKey);
		}
		String v = value.strip();
		if (v.length() > max) {
			throw new BadInputException("fund.text-too-long", max);
		}
		return v;
	}

	public Payee get(long id) {
		return jdbc.sql("SELECT * FROM fund_payee WHERE id = ?").param(id).query(Payees::payee).optional()
			.orElseThrow(() -> new NotFoundException("fund.payee.not-found"));
	}

	public List<Payee> all() {
		return jdbc.sql("SELECT * FROM fund_payee ORDER BY kind, name, id LIMIT 500").query(Payees::payee).list();
	}

	private static Payee payee(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Payee(rs.getLong("id"), rs.getString("name"), PayeeKind.valueOf(rs.getString("kind")), rs.getString("bank"),
				rs.getString("account_number"));
	}
}
