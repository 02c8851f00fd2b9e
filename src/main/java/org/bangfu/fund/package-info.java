/**
 * The charity fund (issue 14): so far its ledger core — double-entry, append-only, hash-chained entries that anyone
 * can verify from an export. Owns fund_ledger_account, fund_ledger_entry, fund_ledger_line.
 */
@ApplicationModule(displayName = "fund", allowedDependencies = { "shared" })
package org.bangfu.fund;

import org.springframework.modulith.ApplicationModule;
