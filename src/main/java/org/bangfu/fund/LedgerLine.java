package org.bangfu.fund;

/** One line of an entry: an account (by its code) and a signed amount in fen (debit positive, credit negative). */
public record LedgerLine(String account, long amount) {
}
