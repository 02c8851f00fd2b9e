/**
 * Demo seeding and data generators (DESIGN.md §7 demo accounts). No other module depends on it.
 */
@ApplicationModule(displayName = "demo", allowedDependencies = { "shared", "region", "account", "household", "need", "pledge", "offer", "campaign" })
package org.bangfu.demo;

import org.springframework.modulith.ApplicationModule;
