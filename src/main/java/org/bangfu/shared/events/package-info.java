/**
 * The events modules tell one another about, as plain records: a published language that the publisher and its
 * listeners both depend on, so that a listener needs no dependency on the module that publishes (the need module
 * listens to pledge events while the pledge module calls the need's API to take quantities under its lock).
 */
package org.bangfu.shared.events;
