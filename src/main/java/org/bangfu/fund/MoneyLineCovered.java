package org.bangfu.fund;

import java.time.Instant;

/** The money received for a need's money line now covers it: the fund pledges the line (published in the gift's transaction). */
public record MoneyLineCovered(long needId, int position, long targetFen, Instant at) {
}
