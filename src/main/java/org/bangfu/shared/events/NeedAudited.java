package org.bangfu.shared.events;

import java.time.Instant;

/**
 * Supervision (督查) recorded a finding on a need drawn in a sample: {@code outcome} is TRUE, FALSE or PROBLEM. The need
 * module keeps the latest on the need so its public page can say it was checked.
 */
public record NeedAudited(long needId, String regionCode, long sampleId, String outcome, Instant at) {
}
