package org.bangfu.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bangfu.shared.ClusterLock;
import org.bangfu.shared.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends text messages through an outbox: {@link #send} records the message in the caller's
 * transaction, and it is handed to the {@link SmsGateway} once that transaction commits (or, if the
 * gateway fails, by the retry every 30 seconds, up to 5 attempts). A rolled-back action sends nothing.
 */
@Component
public class Sms {

	static final String SIGNATURE = "【衡阳社会扶贫网】";

	private static final int MAX_ATTEMPTS = 5;

	private static final Logger log = LoggerFactory.getLogger(Sms.class);

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	private final SmsGateway gateway;

	private final Clock clock;

	private final ClusterLock cluster;

	Sms(JdbcClient jdbc, PersonalData personalData, SmsGateway gateway, Clock clock, ClusterLock cluster) {
		this.cluster = cluster;
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.gateway = gateway;
		this.clock = clock;
	}

	/** Queues a message to a (normalised) mainland mobile number; the signature is added here. */
	public void send(String phone, String text) {
		long id = jdbc.sql("""
				INSERT INTO sms_message (phone_hash, phone_cipher, body, status, created_at)
				VALUES (?, ?, ?, 'PENDING', ?) RETURNING id""")
			.params(personalData.lookupHash(phone), personalData.encrypt(phone), SIGNATURE + text, Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deliver(id);
				}
			});
		}
		else {
			deliver(id);
		}
	}

	/** Once across the cluster: the node holding the lock does it, the others skip this tick (see ClusterLock). */
	@Scheduled(fixedDelayString = "${bangfu.sms.retry-delay:30s}", initialDelayString = "${bangfu.sms.retry-delay:30s}")
	void retryPendingOncePerCluster() {
		cluster.runIfFree("notify.Sms.retryPending", this::retryPending);
	}

	/** Retries what could not be delivered at once. */
	void retryPending() {
		List<Long> pending = jdbc.sql("SELECT id FROM sms_message WHERE status = 'PENDING' AND attempts < ? ORDER BY id LIMIT 100")
			.param(MAX_ATTEMPTS)
			.query(Long.class)
			.list();
		pending.forEach(this::deliver);
	}

	private void deliver(long id) {
		// claim the row, so that two nodes or the retry and a commit never send it twice
		var row = jdbc.sql("""
				UPDATE sms_message SET attempts = attempts + 1
				WHERE id = ? AND status = 'PENDING' AND attempts < ?
				RETURNING phone_cipher, body, attempts""")
			.params(id, MAX_ATTEMPTS)
			.query((rs, n) -> new Object[] { rs.getBytes(1), rs.getString(2), rs.getInt(3) })
			.optional();
		if (row.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		try {
			gateway.deliver(id, personalData.decrypt((byte[]) row.get()[0]), (String) row.get()[1]);
			jdbc.sql("UPDATE sms_message SET status = 'SENT', provider = ?, sent_at = ?, last_error = NULL WHERE id = ?")
				.params(gateway.name(), Timestamp.from(now), id)
				.update();
		}
		catch (Exception e) {
			boolean last = (Integer) row.get()[2] >= MAX_ATTEMPTS;
			log.warn("SMS {} not delivered by {} (attempt {}): {}", id, gateway.name(), row.get()[2], e.getMessage());
			jdbc.sql("UPDATE sms_message SET status = ?, provider = ?, last_error = ? WHERE id = ?")
				.params(last ? "FAILED" : "PENDING", gateway.name(), String.valueOf(e.getMessage()), id)
				.update();
		}
	}
}
