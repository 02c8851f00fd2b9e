package org.bangfu.shared.database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where the public lists and dashboards read: the read replica ({@code bangfu.datasource.replica.url}) when one is
 * configured, reachable, at most {@code bangfu.datasource.replica.max-lag} behind the primary, and the caller has not
 * written anything the replica has not replayed yet; otherwise the primary. Without a replica everything reads the
 * primary. The bound is by WAL position, not by the replica's last replay time (which grows on an idle, fully caught
 * up replica): every check notes the primary's WAL position with the time; the replica holds every commit made before
 * the latest noted time whose position it has replayed. A session's writes note the primary's position after them
 * ({@link #wrote}), and that session reads the primary until the replica has replayed that far. docs/operations.md,
 * "External PostgreSQL with a read replica".
 */
@Component
public class ReplicaReads implements DisposableBean {

	static final String SESSION_LSN = ReplicaReads.class.getName() + ".lsn";

	private static final Logger log = LoggerFactory.getLogger(ReplicaReads.class);

	private final JdbcClient primary;

	private final HikariDataSource replicaPool;

	private final JdbcClient replica;

	private final Duration maxLag;

	private final Duration checkEvery;

	private final Clock clock = Clock.systemUTC();

	private final AtomicLong replicaReads = new AtomicLong();

	private final AtomicLong primaryReads = new AtomicLong();

	/** The primary's WAL positions at the times of the checks, oldest first, the last {@code max-lag} and one more. */
	private final Deque<long[]> primaryPositions = new ArrayDeque<>();

	private State state = new State(Instant.EPOCH, false, Long.MIN_VALUE, Instant.EPOCH);

	/** The last check: when, whether the replica answered, its replayed position, and up to when it holds every commit. */
	private record State(Instant checkedAt, boolean up, long replayed, Instant holdsUntil) {
	}

	ReplicaReads(DataSource dataSource, @Value("${bangfu.datasource.replica.url:}") String url,
			@Value("${bangfu.datasource.replica.username:}") String username, @Value("${bangfu.datasource.replica.password:}") String password,
			@Value("${bangfu.datasource.replica.max-lag:5s}") Duration maxLag,
			@Value("${bangfu.datasource.replica.check-every:1s}") Duration checkEvery) {
		this.primary = JdbcClient.create(dataSource);
		this.maxLag = maxLag;
		this.checkEvery = checkEvery;
		if (StringUtils.hasText(url)) {
			HikariDataSource pool = new HikariDataSource();
			pool.setJdbcUrl(url);
			pool.setUsername(username);
			pool.setPassword(password);
			pool.setPoolName("bangfu-replica");
			pool.setReadOnly(true);
			pool.setMaximumPoolSize(10);
			// a replica that is down must cost a read a second at most, and not stop the start
			pool.setConnectionTimeout(1000);
			pool.setInitializationFailTimeout(-1);
			this.replicaPool = pool;
			this.replica = JdbcClient.create(pool);
			log.info("Public lists and dashboards read the replica {} when it is at most {} behind", url, maxLag);
		}
		else {
			this.replicaPool = null;
			this.replica = null;
		}
	}

	/**
	 * Runs a read-only query on the replica when it may serve this caller, else on the primary; a replica failing during
	 * the query counts as down and the query runs again on the primary.
	 */
	public <T> T read(Function<JdbcClient, T> query) {
		if (!replicaServes()) {
			primaryReads.incrementAndGet();
			return query.apply(primary);
		}
		try {
			T result = query.apply(replica);
			replicaReads.incrementAndGet();
			return result;
		}
		catch (DataAccessResourceFailureException | TransientDataAccessException e) {
			down(e);
			primaryReads.incrementAndGet();
			return query.apply(primary);
		}
	}

	/** {@link #read} for a query that hands its rows to a callback (which must tolerate seeing rows again, from the primary). */
	public void readEach(java.util.function.Consumer<JdbcClient> query) {
		read(db -> {
			query.accept(db);
			return null;
		});
	}

	/** Whether a read now would go to the replica. */
	public boolean replicaServes() {
		if (replica == null || TransactionSynchronizationManager.isActualTransactionActive()) {
			return false;
		}
		HttpServletRequest request = currentRequest();
		if (request != null && !isSafe(request.getMethod())) {
			return false;
		}
		State s = current();
		if (!s.up() || Duration.between(s.holdsUntil(), clock.instant()).compareTo(maxLag) > 0) {
			return false;
		}
		HttpSession session = request == null ? null : request.getSession(false);
		Object wrote = session == null ? null : session.getAttribute(SESSION_LSN);
		return !(wrote instanceof Long lsn) || s.replayed() >= lsn;
	}

	/** Reads served by the replica and by the primary since the start (for the tests and the metrics). */
	public long replicaReads() {
		return replicaReads.get();
	}

	public long primaryReads() {
		return primaryReads.get();
	}

	/** Notes the primary's WAL position after a session's write: the session reads the primary until the replica has it. */
	void wrote(HttpSession session) {
		if (replica != null && session != null) {
			try {
				session.setAttribute(SESSION_LSN, primaryPosition());
			}
			catch (IllegalStateException | DataAccessException e) {
				// an invalidated session (log out) or a primary that just failed: nothing to read afterwards
			}
		}
	}

	private synchronized State current() {
		Instant now = clock.instant();
		if (Duration.between(state.checkedAt(), now).compareTo(checkEvery) < 0) {
			return state;
		}
		boolean wasUp = state.up();
		boolean first = state.checkedAt().equals(Instant.EPOCH);
		try {
			long primaryAt = primaryPosition();
			long replayed = replica.sql("SELECT (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint").query(Long.class).single();
			primaryPositions.addLast(new long[] { primaryAt, now.toEpochMilli() });
			Instant holdsUntil = Instant.EPOCH;
			for (long[] p : primaryPositions) {
				if (p[0] <= replayed) {
					holdsUntil = Instant.ofEpochMilli(p[1]);
				}
			}
			// keep what can still matter: the newest position the replica holds, and the ones after it within twice max-lag
			long oldest = now.minus(maxLag.multipliedBy(2)).toEpochMilli();
			while (primaryPositions.size() > 1) {
				long[] head = primaryPositions.removeFirst();
				long[] second = primaryPositions.peekFirst();
				if (!(second[0] <= replayed || head[1] < oldest)) {
					primaryPositions.addFirst(head);
					break;
				}
			}
			state = new State(now, true, replayed, holdsUntil);
			if (!wasUp && !first) {
				log.info("The replica answers again");
			}
		}
		catch (DataAccessException | NullPointerException e) {
			// NullPointerException: a server that is not a replica has no replay position
			if (wasUp || first) {
				log.warn("The replica does not answer ({}): public lists read the primary, retrying every {}", e.getMessage(), checkEvery);
			}
			state = new State(now, false, Long.MIN_VALUE, Instant.EPOCH);
		}
		return state;
	}

	private synchronized void down(Exception e) {
		if (state.up()) {
			log.warn("The replica failed during a read ({}): public lists read the primary, retrying every {}", e.getMessage(), checkEvery);
		}
		state = new State(clock.instant(), false, Long.MIN_VALUE, Instant.EPOCH);
	}

	private long primaryPosition() {
		return primary.sql("SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint").query(Long.class).single();
	}

	static boolean isSafe(String method) {
		return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
	}

	@Override
	public void destroy() {
		if (replicaPool != null) {
			replicaPool.close();
		}
	}
}
