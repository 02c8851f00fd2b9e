package org.bangfu;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the tests that run the whole application on its real embedded PostgreSQL and a real port.
 * All of them share one Spring context, so the database starts once per test run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApplicationTest {

	public static final String DEMO_PASSWORD = "Bangfu@2017";

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	protected ApiClient api() {
		return new ApiClient(port);
	}
}
