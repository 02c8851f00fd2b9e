package org.bangfu.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The sender's backoff: the initial delay, doubling per failed attempt, never above the maximum. */
class ExchangeSenderTest {

	@Test
	void theDelayDoublesUpToTheMaximum() {
		ExchangeSender sender = new ExchangeSender(null, null, null, null, Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofSeconds(10));
		try {
			assertThat(sender.delay(1)).isEqualTo(Duration.ofSeconds(2));
			assertThat(sender.delay(2)).isEqualTo(Duration.ofSeconds(4));
			assertThat(sender.delay(5)).isEqualTo(Duration.ofSeconds(32));
			assertThat(sender.delay(9)).isEqualTo(Duration.ofSeconds(512));
			assertThat(sender.delay(10)).isEqualTo(Duration.ofMinutes(10));
			assertThat(sender.delay(1000)).isEqualTo(Duration.ofMinutes(10));
		}
		finally {
			sender.close();
		}
	}
}
