/**
 * Mobilisation (issue 17, docs/mobilisation.md): the teams (volunteers with tasks and confirmed hours, experts who
 * advise on needs, image ambassadors with share links and their reach), social organisations and alliances with their
 * members and collective help, registration drives (units with QR codes, posters and vest badges, counts and rankings),
 * and the training of officers and managers.
 * Owns team_application, volunteer_task, volunteer_signup, expert_advice, training_attempt, training_completion, social_organisation, organisation_member, ambassador_link, ambassador_visit, ambassador_reach, registration_unit, unit_registration.
 */
@ApplicationModule(displayName = "team", allowedDependencies = { "shared", "region", "account", "household", "need", "pledge", "fund", "notify" })
package org.bangfu.team;

import org.springframework.modulith.ApplicationModule;
