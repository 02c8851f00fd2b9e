/**
 * The few truly common types (Money, RegionCode, masking, identity numbers, photos, the domain
 * failures) and the web and database plumbing; depends on no other module, and every module may use
 * all of it. It keeps Spring Modulith's registry of events between modules and Spring Session's sessions of all
 * nodes: Owns event_publication, spring_session, spring_session_attributes.
 */
@ApplicationModule(displayName = "shared", type = ApplicationModule.Type.OPEN)
package org.bangfu.shared;

import org.springframework.modulith.ApplicationModule;
