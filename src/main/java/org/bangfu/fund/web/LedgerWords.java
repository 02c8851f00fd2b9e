package org.bangfu.fund.web;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.fund.FundAccounts;
import org.bangfu.fund.LedgerEntry;
import org.bangfu.fund.LedgerLine;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The ledger in words for the public pages: an entry's kind in the reader's language, its size (the sum of its debits),
 * and each account code explained (bank 银行存款, need-12-0 需求12第1项 with a link to the need, payee-3 收款单位 3).
 */
@Component
class LedgerWords {

	private static final Pattern NEED = Pattern.compile("need-(\\d+)-(\\d+)");

	private static final Pattern PAYEE = Pattern.compile("payee-(\\d+)");

	private final MessageSource messages;

	LedgerWords(MessageSource messages) {
		this.messages = messages;
	}

	/** An account as people read it; {@code href} the need's page for a need line's account. */
	record AccountView(String code, String label, String href, long amountFen) {

		public boolean debit() {
			return amountFen > 0;
		}
	}

	record EntryView(long seq, String kind, String kindLabel, long amountFen, String memo, Instant at, List<AccountView> lines, String hash,
			String previousHash) {

		public String shortHash() {
			return hash.substring(0, Math.min(12, hash.length()));
		}

		public String shortPreviousHash() {
			return previousHash.substring(0, Math.min(12, previousHash.length()));
		}
	}

	EntryView entry(LedgerEntry e) {
		long size = e.lines().stream().mapToLong(LedgerLine::amount).filter(a -> a > 0).sum();
		return new EntryView(e.seq(), e.kind(), kind(e.kind()), size, e.memo(), e.postedAt(),
				e.lines().stream().map(l -> account(l.account(), l.amount())).toList(), e.hash(), e.previousHash());
	}

	List<EntryView> entries(List<LedgerEntry> entries) {
		return entries.stream().map(this::entry).toList();
	}

	String kind(String kind) {
		return text("fundpage.kind." + kind, kind);
	}

	AccountView account(String code, long amount) {
		Matcher need = NEED.matcher(code);
		if (need.matches()) {
			return new AccountView(code, text("fundpage.account.need", null, Long.parseLong(need.group(1)), Integer.parseInt(need.group(2)) + 1),
					"/needs/" + need.group(1), amount);
		}
		Matcher payee = PAYEE.matcher(code);
		if (payee.matches()) {
			return new AccountView(code, text("fundpage.account.payee", null, Long.parseLong(payee.group(1))), null, amount);
		}
		String label = switch (code) {
			case FundAccounts.BANK, FundAccounts.POOL, FundAccounts.GOODS, FundAccounts.GOODS_POOL, "pending" ->
				text("fundpage.account." + code, code);
			default -> code;
		};
		return new AccountView(code, label, null, amount);
	}

	private String text(String key, String fallback, Object... args) {
		return messages.getMessage(key, args, fallback == null ? key : fallback, LocaleContextHolder.getLocale());
	}
}
