/**
 * Read models: the matching rate, the home and region pages. Owns no tables: reads through the other modules' APIs.
 */
@ApplicationModule(displayName = "stats", allowedDependencies = { "shared", "region", "account", "household", "need", "pledge", "assessment", "supervision", "news" })
package org.bangfu.stats;

import org.springframework.modulith.ApplicationModule;
