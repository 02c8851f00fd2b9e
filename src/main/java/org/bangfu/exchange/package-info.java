/**
 * Exchange between Bangfu nodes (issue 18, docs/exchange.md): the signed message format a city node and
 * an upper (provincial or national) node send each other — envelopes, canonical JSON, Ed25519 node keys
 * and the checks on receipt (sender known, signature, receiver, version, sequence) — this node's key and links, the
 * outbox and its sender, the receiving endpoint, and the needs pushed upstream and received from lower nodes; and
 * pledges made on an upper node, forwarded to the owning node and answered by it.
 * Owns exchange_node_key, exchange_link, exchange_outbox, exchange_inbox, exchange_need_sent, exchange_remote_need, pledge_request, pledge_request_answer, exchange_proxy_donor.
 */
@ApplicationModule(displayName = "exchange", allowedDependencies = { "shared", "region", "account", "need", "pledge", "notify" })
package org.bangfu.exchange;

import org.springframework.modulith.ApplicationModule;
