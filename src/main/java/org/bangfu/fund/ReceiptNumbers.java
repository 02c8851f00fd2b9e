package org.bangfu.fund;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Donation receipt numbers (捐赠票据号): the fund's prefix, the year in Hengyang, and a number that runs per year without gaps. */
@Component
class ReceiptNumbers {

	private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;

	private final FundProfile profile;

	ReceiptNumbers(JdbcClient jdbc, FundProfile profile) {
		this.jdbc = jdbc;
		this.profile = profile;
	}

	/** The next number; taken in the caller's transaction, so a rolled-back receipt leaves no gap. */
	@Transactional(propagation = Propagation.MANDATORY)
	String next(Instant at) {
		int year = LocalDate.ofInstant(at, CITY).getYear();
		int n = jdbc.sql("""
				INSERT INTO fund_receipt_counter (year, last) VALUES (?, 1)
				ON CONFLICT (year) DO UPDATE SET last = fund_receipt_counter.last + 1 RETURNING last""")
			.param(year)
			.query(Integer.class)
			.single();
		return "%s%d-%06d".formatted(profile.receiptPrefix(), year, n);
	}
}
