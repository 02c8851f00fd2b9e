/**
 * The division tree (行政区划), stations, and {@link org.bangfu.region.Scope}: the one data-scope rule. Owns region, station.
 * Shares region for reading: the division tree is national reference data (imported from the statistics
 * bureau's files, never changed by use), so other modules may join it for names; only this module writes it.
 */
@ApplicationModule(displayName = "region", allowedDependencies = { "shared" })
package org.bangfu.region;

import org.springframework.modulith.ApplicationModule;
