/**
 * Needs: posting, verification, the state machine, photos, search, reports and abuse rules, publication holds for a launch,
 * the read models of dashboards and quotas.
 * Owns need, need_item, need_transition, need_flag, need_photo, need_report, need_category_rule, need_state_count, need_rollup, need_unit_report, need_publication_hold, need_confirmation, need_confirmation_code, need_confirmation_dispute, need_flag_approval, need_nonessential_good, need_brand, need_item_kind.
 */
@ApplicationModule(displayName = "need", allowedDependencies = { "shared", "region", "account", "household", "notify" })
package org.bangfu.need;

import org.springframework.modulith.ApplicationModule;
