/**
 * The launch campaign and assessment (issue 15): collection campaigns and quotas, collect-then-publish-together
 * launches, reporting and on-time rates per station and period, points, rankings and reward lists (see
 * docs/assessment.md). Owns collection_campaign, assessment_reminder, assessment_point.
 */
@ApplicationModule(displayName = "assessment", allowedDependencies = { "shared", "region", "account", "household", "need", "pledge", "notify" })
package org.bangfu.assessment;

import org.springframework.modulith.ApplicationModule;
