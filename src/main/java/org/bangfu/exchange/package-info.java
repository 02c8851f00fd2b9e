/**
 * Exchange between Bangfu nodes (issue 18, docs/exchange.md): the signed message format a city node and
 * an upper (provincial or national) node send each other — envelopes, canonical JSON, Ed25519 node keys
 * and the checks on receipt (sender known, signature, receiver, version, sequence) — and pledges made on an
 * upper node, forwarded to the owning node and answered by it. Owns pledge_request, pledge_request_answer, exchange_proxy_donor.
 */
@ApplicationModule(displayName = "exchange", allowedDependencies = { "shared", "region", "account", "need", "pledge", "notify" })
package org.bangfu.exchange;

import org.springframework.modulith.ApplicationModule;
