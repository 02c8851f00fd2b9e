/**
 * The 建档立卡 registry: households, members, poor villages, imports, consent and personal-data views. Owns household, household_member, poor_village, consent, personal_data_view, household_import, household_import_problem.
 */
@ApplicationModule(displayName = "household", allowedDependencies = { "shared", "region", "account", "notify" })
package org.bangfu.household;

import org.springframework.modulith.ApplicationModule;
