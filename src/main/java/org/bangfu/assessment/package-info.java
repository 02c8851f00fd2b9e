/**
 * The launch campaign and assessment (issue 15): collection campaigns and quotas, collect-then-publish-together
 * launches, reporting and on-time rates per station and period, points, rankings and reward lists. Owns the
 * collection_campaign and assessment_* tables (see docs/assessment.md). Owns assessment_point.
 */
@ApplicationModule(displayName = "assessment", allowedDependencies = { "shared", "region", "account", "household", "need", "pledge", "notify" })
package org.bangfu.assessment;

import org.springframework.modulith.ApplicationModule;
