package org.bangfu.fund;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The fund as the public sees it and as a deployment configures it (docs/fund.md): who holds it (only a qualified
 * charity raises and holds the money), its public fundraising certificate, the bank account donors transfer to, and the
 * rules the fund staff work under.
 */
@Component
public class FundProfile {

	private final String name;

	private final String holder;

	private final String certificate;

	private final String bank;

	private final String accountName;

	private final String accountNumber;

	private final String receiptPrefix;

	private final long fourEyesAboveFen;

	private final int giftDays;

	FundProfile(@Value("${bangfu.fund.name:衡阳市社会扶贫帮扶基金}") String name, @Value("${bangfu.fund.holder:衡阳市慈善总会}") String holder,
			@Value("${bangfu.fund.certificate:（演示）衡民慈公募证字〔2018〕第001号}") String certificate,
			@Value("${bangfu.fund.bank:中国建设银行衡阳市分行营业部}") String bank,
			@Value("${bangfu.fund.account-name:衡阳市慈善总会}") String accountName,
			@Value("${bangfu.fund.account-number:4305 0164 6208 0000 0817}") String accountNumber,
			@Value("${bangfu.fund.receipt-prefix:HYCS}") String receiptPrefix,
			@Value("${bangfu.fund.four-eyes-above-fen:1000000}") long fourEyesAboveFen, @Value("${bangfu.fund.gift-days:14}") int giftDays) {
		this.name = name;
		this.holder = holder;
		this.certificate = certificate;
		this.bank = bank;
		this.accountName = accountName;
		this.accountNumber = accountNumber;
		this.receiptPrefix = receiptPrefix;
		this.fourEyesAboveFen = fourEyesAboveFen;
		this.giftDays = giftDays;
	}

	public String name() {
		return name;
	}

	public String holder() {
		return holder;
	}

	public String certificate() {
		return certificate;
	}

	public String bank() {
		return bank;
	}

	public String accountName() {
		return accountName;
	}

	public String accountNumber() {
		return accountNumber;
	}

	public String receiptPrefix() {
		return receiptPrefix;
	}

	/** Payments above this many fen need a second fund staff member's approval (four eyes). */
	public long fourEyesAboveFen() {
		return fourEyesAboveFen;
	}

	/** Days a promised gift waits for its money before its share of the line is freed. */
	public int giftDays() {
		return giftDays;
	}
}
