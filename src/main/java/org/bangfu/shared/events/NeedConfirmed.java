package org.bangfu.shared.events;

import java.time.Instant;

/**
 * Every pledge of a fully pledged need arrived and was confirmed by the household or its officer: the need was met. The
 * assessment counts it for the poster and the verifier ({@code verifiedBy} null for needs verified before it was kept).
 */
public record NeedConfirmed(long needId, String regionCode, String category, long posterId, Long verifiedBy, Instant at) {
}
