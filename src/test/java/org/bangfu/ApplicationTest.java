package org.bangfu;

import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the tests that run the whole application on its real embedded PostgreSQL and a real port.
 * All of them share one Spring context, so the database starts once per test run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClock.class)
public abstract class ApplicationTest {

	public static final String DEMO_PASSWORD = "Bangfu@2017";

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected TestClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** The newest SMS code sent to the phone, read from the outbox as a city admin would. */
	public String lastCodeSentTo(String phone) {
		ApiClient api = api();
		String admin = api.login("13800000001", DEMO_PASSWORD);
		String text = api.get("/api/v1/admin/sms-outbox?phone=" + phone, admin).json().get(0).get("text").asString();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{6})").matcher(text);
		if (!m.find()) {
			throw new IllegalStateException("no code in " + text);
		}
		return m.group(1);
	}

	/** A fresh, never-used mainland mobile number. */
	protected static String newPhone() {
		return "139" + String.format("%08d", PHONES.incrementAndGet() + (System.nanoTime() % 1000) * 10000);
	}

	private static final java.util.concurrent.atomic.AtomicLong PHONES = new java.util.concurrent.atomic.AtomicLong();

	public ApiClient api() {
		return new ApiClient(port, this::eventsSettled);
	}

	/**
	 * Waits (10 s at most) until the events published so far have been handled by their asynchronous listeners (the
	 * notices of a pledge's steps), so that a test reads what a person would see a moment later. A publication whose
	 * listener failed does not hold it up.
	 */
	public void eventsSettled() {
		long until = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < until && jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM event_publication
				               WHERE completion_date IS NULL AND coalesce(status, 'PUBLISHED') IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED'))""")
			.query(Boolean.class)
			.single()) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}
}
