/**
 * Offers (我要捐赠) and the requests households make of them (我想要). Owns offer, offer_request.
 */
@ApplicationModule(displayName = "offer", allowedDependencies = { "shared", "region", "account", "household", "need", "pledge", "notify" })
package org.bangfu.offer;

import org.springframework.modulith.ApplicationModule;
