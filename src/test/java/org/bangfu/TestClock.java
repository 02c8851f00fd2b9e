package org.bangfu;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: real time, which a test may move forward (and must reset).
 * Imported by {@link ApplicationTest} as the primary clock bean.
 */
@Primary
public final class TestClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	public void advance(Duration by) {
		offset.updateAndGet(o -> o.plus(by));
	}

	public void reset() {
		offset.set(Duration.ZERO);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneId.of("Asia/Shanghai");
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}
}
