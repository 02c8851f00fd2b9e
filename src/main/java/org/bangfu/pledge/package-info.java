/**
 * Pledges: claiming a need, delivery and its arrangement, receipt, lapse, ratings, recommendations, the household's home. Publishes PledgeMade, PledgeShipped, PledgeReceived, PledgeCancelled, PledgeLapsed. Owns pledge, pledge_item, pledge_transition, pledge_rating, pledge_feedback, pledge_message, donor_intent.
 */
@ApplicationModule(displayName = "pledge", allowedDependencies = { "shared", "region", "account", "household", "need", "notify" })
package org.bangfu.pledge;

import org.springframework.modulith.ApplicationModule;
