package org.bangfu.fund;

import java.util.List;
import java.util.Locale;

/**
 * The columns of a bank statement, found by their header's name (docs/fund.md, the mapping table): the big banks' downloads
 * name them differently, and either carry one signed amount (交易金额) or a credit and a debit column (贷方/借方发生额,
 * 收入/支出金额). Summary-like columns (摘要, 附言, 交易用途…) are all kept, because a donor's reference code may be in any.
 */
enum StatementColumn {
	DATE("交易日期", "交易时间", "记账日期", "入账日期", "入账时间", "交易日", "日期"),
	AMOUNT("交易金额", "发生额", "金额"),
	CREDIT("贷方发生额", "贷方金额", "收入金额", "收入", "存入金额", "贷方"),
	DEBIT("借方发生额", "借方金额", "支出金额", "支出", "取出金额", "借方"),
	NAME("对方户名", "对方账户名称", "对方账户名", "对方名称", "对方单位", "对方户名/账号名"),
	ACCOUNT("对方账号", "对方账户", "对方卡号", "对方账户账号"),
	SUMMARY("摘要", "附言", "交易用途", "用途", "备注", "交易附言", "汇款附言", "交易摘要"),
	BALANCE("余额", "账户余额", "交易后余额", "本次余额");

	final List<String> names;

	StatementColumn(String... names) {
		this.names = List.of(names);
	}

	/** The column a header cell names, or null: exact names first, so 贷方发生额 is never read as 发生额. */
	static StatementColumn of(String header) {
		String h = clean(header);
		if (h.isEmpty()) {
			return null;
		}
		for (StatementColumn c : values()) {
			if (c.names.contains(h)) {
				return c;
			}
		}
		return null;
	}

	/** A header as written, without spaces, a unit in brackets (交易金额(元)) or a trailing colon. */
	static String clean(String header) {
		if (header == null) {
			return "";
		}
		String h = header.replace('（', '(').replace('）', ')').replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
		h = h.replaceAll("\\((元|人民币|rmb|cny)\\)$", "");
		return h.replaceAll("[:：]$", "");
	}
}
