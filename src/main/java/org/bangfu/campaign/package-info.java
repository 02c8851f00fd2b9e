/**
 * Matching campaigns: donors and budgets, the allocator, invitations (goods by pledges, money lines by gifts through the fund). Owns campaign, campaign_donor, campaign_invitation.
 */
@ApplicationModule(displayName = "campaign", allowedDependencies = { "shared", "region", "account", "household", "need", "pledge", "notify", "fund" })
package org.bangfu.campaign;

import org.springframework.modulith.ApplicationModule;
