/**
 * The charity fund (issue 14): gifts of any share to a need's money line or to the general pool, their money matched
 * on arrival, and the double-entry, append-only, hash-chained ledger that anyone can verify from an export. Owns
 * fund_ledger_account, fund_ledger_entry, fund_ledger_line, fund_gift, fund_money_line, fund_receipt_counter,
 * fund_statement, fund_bank_receipt, fund_gateway_payment, fund_own_account, fund_payee, fund_payment, fund_grant,
 * fund_goods_gift.
 */
@ApplicationModule(displayName = "fund", allowedDependencies = { "shared", "region", "need", "account", "pledge" })
package org.bangfu.fund;

import org.springframework.modulith.ApplicationModule;
