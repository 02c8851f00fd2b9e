/**
 * Supervision (督查, issue 16): random samples of published needs drawn by supervisors with a recorded seed, findings
 * from visits with evidence, false needs withdrawn through the need's state machine, inspection reports per county.
 * Owns audit_sample, audit_sample_need, audit_finding.
 */
@ApplicationModule(displayName = "supervision", allowedDependencies = { "shared", "region", "account", "household", "need", "pledge", "notify" })
package org.bangfu.supervision;

import org.springframework.modulith.ApplicationModule;
