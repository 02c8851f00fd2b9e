/**
 * Matching campaigns: donors and budgets, the allocator, invitations. Owns campaign, campaign_donor, campaign_invitation.
 */
@ApplicationModule(displayName = "campaign", allowedDependencies = { "shared", "region", "account", "household", "need", "pledge", "notify" })
package org.bangfu.campaign;

import org.springframework.modulith.ApplicationModule;
