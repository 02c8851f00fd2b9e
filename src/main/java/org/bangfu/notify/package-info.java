/**
 * Telling people: in-app notices (rendered in the reader's language) and SMS through an outbox. Owns notice, sms_message.
 */
@ApplicationModule(displayName = "notify", allowedDependencies = { "shared" })
package org.bangfu.notify;

import org.springframework.modulith.ApplicationModule;
