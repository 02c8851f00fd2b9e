/**
 * Demo seeding and data generators (DESIGN.md §7 demo accounts). No other module depends on it. Owns no table,
 * but writes into the others' to backdate what it seeds: the one exception to the table ownership rule
 * (ModularityTests.FIXTURES).
 */
@ApplicationModule(displayName = "demo", allowedDependencies = { "shared", "region", "account", "household", "need", "pledge", "offer", "campaign", "fund", "assessment", "supervision", "team", "news", "notify" })
package org.bangfu.demo;

import org.springframework.modulith.ApplicationModule;
