package org.bangfu.fund;

import org.bangfu.account.Accounts;
import org.bangfu.account.DonorType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account the fund acts as where the platform needs an account: it pledges a covered money line and ships that
 * pledge when the payee is paid. An organisation (社会组织) named as the fund ({@link FundProfile#name()}), with no phone
 * and no password, so nobody can log in as it. Created on first use, once: the advisory lock makes a concurrent first
 * use wait and then find the row (fund_own_account holds its id).
 */
@Component
public class FundAccount {

	private static final long CREATE_LOCK = 0x46554e444143434fL;

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final FundProfile profile;

	FundAccount(JdbcClient jdbc, Accounts accounts, FundProfile profile) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.profile = profile;
	}

	/** The fund's account id, created in the caller's transaction the first time. */
	@Transactional
	public long id() {
		var existing = find();
		if (existing != null) {
			return existing;
		}
		jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(?)").param(CREATE_LOCK).query(Integer.class).single();
		existing = find();
		if (existing != null) {
			return existing;
		}
		long id = accounts.create(new Accounts.NewAccount(null, profile.name(), null, DonorType.SOCIAL_ORG, null, null, null));
		jdbc.sql("INSERT INTO fund_own_account (id, account_id) VALUES (1, ?)").param(id).update();
		return id;
	}

	private Long find() {
		return jdbc.sql("SELECT account_id FROM fund_own_account WHERE id = 1").query(Long.class).optional().orElse(null);
	}
}
