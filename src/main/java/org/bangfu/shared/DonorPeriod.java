package org.bangfu.shared;

import java.time.Instant;
import java.util.Collection;

/**
 * A donor account over a period [from, until) (until null: still open): whose help counts for someone else while it
 * lasts (a member of a social organisation, an account an ambassador's link brought). The pledge and fund modules sum
 * their own rows over such periods.
 */
public record DonorPeriod(long donorId, Instant from, Instant until) {

	/** Far enough in the future to stand for "still open" in SQL. */
	private static final long OPEN_MS = 253_402_300_799_000L;

	public DonorPeriod {
		if (from == null) {
			throw new IllegalArgumentException("a period has a start");
		}
	}

	/** The donors as an array for SQL ({@code unnest}). */
	public static long[] donors(Collection<DonorPeriod> periods) {
		return periods.stream().mapToLong(DonorPeriod::donorId).toArray();
	}

	/** The starts in epoch milliseconds. */
	public static long[] starts(Collection<DonorPeriod> periods) {
		return periods.stream().mapToLong(p -> p.from().toEpochMilli()).toArray();
	}

	/** The ends in epoch milliseconds, open ones far in the future. */
	public static long[] ends(Collection<DonorPeriod> periods) {
		return periods.stream().mapToLong(p -> p.until() == null ? OPEN_MS : p.until().toEpochMilli()).toArray();
	}

	/**
	 * The SQL of the periods as a table {@code alias(donor_id, from_at, until_at)}, from three parameters in this order:
	 * {@link #donors}, {@link #starts}, {@link #ends}.
	 */
	public static String table(String alias) {
		return "(SELECT d AS donor_id, to_timestamp(f / 1000.0) AS from_at, to_timestamp(u / 1000.0) AS until_at"
				+ " FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[])) AS t(d, f, u)) " + alias;
	}
}
