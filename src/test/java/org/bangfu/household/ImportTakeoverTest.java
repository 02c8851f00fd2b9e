package org.bangfu.household;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bangfu.ApplicationTest;
import org.bangfu.household.RegistryImportClaims.Claim;
import org.bangfu.region.Regions;
import org.bangfu.shared.AppInstance;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registry imports on several nodes (issue 19): a job whose node went silent is taken over and imported
 * exactly once, or failed with its reason and nothing merged; one job, one claimant; a live node's job
 * is left alone; a node that lost its job commits nothing. Households only in 南岳区 (430412), which no
 * other test uses: 南岳镇 (430412100) for the finished import, 寿岳乡 (430412203) for the ones that import nothing.
 */
class ImportTakeoverTest extends ApplicationTest {

	private static final String NANYUE = "430412100";

	private static final String SHOUYUE = "430412203";

	@Autowired
	RegistryFiles files;

	@Autowired
	Regions regions;

	@Autowired
	RegistryImportWorker worker;

	@Autowired
	RegistryImportClaims claims;

	@Autowired
	RegistryImportRun run;

	@Autowired
	AppInstance instance;

	/** A generated registry file stored as an upload, as a node keeps it; answers its stored name. */
	private String storedUpload(String region, int households, long seed) throws Exception {
		String name = UUID.randomUUID() + ".upload";
		Files.createDirectories(worker.uploads());
		files.generate(worker.uploads().resolve(name), regions.get(RegionCode.parse(region)), households, seed);
		return name;
	}

	/** A job row as another node would have left it. */
	private long job(String region, String status, String owner, String heartbeatAgo, int attempt, String upload) {
		return jdbc.sql("""
				INSERT INTO household_import (account_id, region_code, file_name, status, created_at, started_at, rows_read,
				    upload_name, owner_instance, heartbeat_at, attempt)
				VALUES ((SELECT min(id) FROM account), ?, 'takeover.csv', ?, now(), now(), 7, ?, ?, clock_timestamp() - ?::interval, ?)
				RETURNING id""")
			.params(region, status, upload, owner, heartbeatAgo, attempt)
			.query(Long.class)
			.single();
	}

	private String status(long job) {
		return jdbc.sql("SELECT status FROM household_import WHERE id = ?").param(job).query(String.class).single();
	}

	private String finished(long job) throws InterruptedException {
		Instant until = Instant.now().plusSeconds(60);
		while (Instant.now().isBefore(until)) {
			String s = status(job);
			if (s.equals("DONE") || s.equals("FAILED")) {
				return s;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("import " + job + " did not finish");
	}

	private long households(String region) {
		return jdbc.sql("SELECT count(*) FROM household WHERE region_code LIKE ? || '%'").param(region).query(Long.class).single();
	}

	@Test
	void aJobWhoseNodeDiedMidRunIsImportedAgainExactlyOnce() throws Exception {
		String upload = storedUpload(NANYUE, 25, 19);
		long job = job(NANYUE, "RUNNING", "dead-node/0000", "1 hour", 1, upload);
		// what the dead attempt had reported before it stopped: its refused rows are not this attempt's
		jdbc.sql("INSERT INTO household_import_problem (import_id, line, message) VALUES (?, 3, 'from the dead attempt')").param(job).update();

		assertThat(finished(job)).isEqualTo("DONE");
		var row = jdbc.sql("SELECT owner_instance, attempt, households, households_new, members, error FROM household_import WHERE id = ?")
			.param(job)
			.query()
			.singleRow();
		assertThat((String) row.get("owner_instance")).isNotEqualTo("dead-node/0000");
		assertThat(row.get("attempt")).isEqualTo(2);
		assertThat(row.get("households")).isEqualTo(25L);
		assertThat(row.get("households_new")).isEqualTo(25L);
		assertThat(row.get("error")).isNull();
		assertThat(households(NANYUE)).isEqualTo(25);
		assertThat(jdbc.sql("SELECT count(*) FROM household_import_problem WHERE import_id = ?").param(job).query(Long.class).single()).isZero();
		assertThat(worker.uploads().resolve(upload)).doesNotExist();

		// a done job is never taken again: more sweeps change nothing
		worker.sweep();
		Thread.sleep(1500);
		assertThat(status(job)).isEqualTo("DONE");
		assertThat(jdbc.sql("SELECT attempt FROM household_import WHERE id = ?").param(job).query(Integer.class).single()).isEqualTo(2);
		assertThat(households(NANYUE)).isEqualTo(25);
	}

	@Test
	void aJobThatCannotBeRedoneFailsWithItsReasonAndImportsNothing() throws Exception {
		long noUpload = job(SHOUYUE, "RUNNING", "dead-node/0001", "1 hour", 1, "gone-" + UUID.randomUUID() + ".upload");
		String upload = storedUpload(SHOUYUE, 5, 7);
		long tooOften = job(SHOUYUE, "RUNNING", "dead-node/0002", "1 hour", RegistryImportWorker.MAX_ATTEMPTS, upload);
		long queuedOnADeadNode = job(SHOUYUE, "QUEUED", "dead-node/0003", "1 hour", 0, null);

		assertThat(finished(noUpload)).isEqualTo("FAILED");
		assertThat(finished(tooOften)).isEqualTo("FAILED");
		assertThat(finished(queuedOnADeadNode)).isEqualTo("FAILED");
		assertThat(jdbc.sql("SELECT error FROM household_import WHERE id = ?").param(noUpload).query(String.class).single())
			.contains("服务节点已停止").contains("没有导入任何数据").contains("重新上传");
		assertThat(jdbc.sql("SELECT error FROM household_import WHERE id = ?").param(tooOften).query(String.class).single())
			.contains("已开始 3 次").contains("没有导入任何数据");
		assertThat(households(SHOUYUE)).isZero();
		assertThat(worker.uploads().resolve(upload)).doesNotExist();
	}

	@Test
	void twoNodesReachingForTheSameJobAtOnceOneGetsIt() throws Exception {
		for (int round = 0; round < 5; round++) {
			// 30 s silent: past the 10 s these two claimants allow, within the 60 s the running nodes allow, so only they reach for it
			long job = job(SHOUYUE, "RUNNING", "dead-node/race", "30 seconds", 1, null);
			CountDownLatch go = new CountDownLatch(1);
			ExecutorService two = Executors.newFixedThreadPool(2);
			try {
				List<Future<Optional<Claim>>> answers = new ArrayList<>();
				for (String node : List.of("node-a/" + round, "node-b/" + round)) {
					answers.add(two.submit(() -> {
						go.await();
						return claims.takeOverOne(node, Duration.ofSeconds(10));
					}));
				}
				go.countDown();
				List<String> winners = new ArrayList<>();
				for (Future<Optional<Claim>> a : answers) {
					a.get().filter(c -> c.jobId() == job).ifPresent(c -> winners.add(c.owner()));
				}
				assertThat(winners).hasSize(1);
				assertThat(jdbc.sql("SELECT owner_instance FROM household_import WHERE id = ?").param(job).query(String.class).single())
					.isEqualTo(winners.get(0));
			}
			finally {
				two.shutdownNow();
				jdbc.sql("DELETE FROM household_import WHERE id = ?").param(job).update();
			}
		}
	}

	@Test
	void aJobWithAFreshHeartbeatIsNeverTakenOver() throws Exception {
		long job = job(SHOUYUE, "RUNNING", "live-node/0000", "0 seconds", 1, null);
		try {
			worker.sweep();
			assertThat(claims.takeOverOne("node-c/0", Duration.ofSeconds(60)).filter(c -> c.jobId() == job)).isEmpty();
			Thread.sleep(2500); // the running nodes' sweeps (every second in tests) leave it too
			var row = jdbc.sql("SELECT status, owner_instance, attempt FROM household_import WHERE id = ?").param(job).query().singleRow();
			assertThat(row.get("status")).isEqualTo("RUNNING");
			assertThat(row.get("owner_instance")).isEqualTo("live-node/0000");
			assertThat(row.get("attempt")).isEqualTo(1);
		}
		finally {
			jdbc.sql("DELETE FROM household_import WHERE id = ?").param(job).update();
		}
	}

	@Test
	void aNodeThatLostItsJobCommitsNothingOfIt() throws Exception {
		String upload = storedUpload(SHOUYUE, 6, 11);
		// the job now belongs to another node's second attempt; this node still runs its first
		long job = job(SHOUYUE, "RUNNING", "live-node/0001", "0 seconds", 2, upload);
		try {
			Claim stale = new Claim(job, instance.id(), 1, SHOUYUE, "takeover.csv", upload);
			boolean ended = run.execute(stale, worker.uploads().resolve(upload), regions.get(RegionCode.parse(SHOUYUE)));
			assertThat(ended).isFalse();
			assertThat(households(SHOUYUE)).isZero();
			var row = jdbc.sql("SELECT status, owner_instance, attempt FROM household_import WHERE id = ?").param(job).query().singleRow();
			assertThat(row.get("status")).isEqualTo("RUNNING");
			assertThat(row.get("owner_instance")).isEqualTo("live-node/0001");
		}
		finally {
			jdbc.sql("DELETE FROM household_import WHERE id = ?").param(job).update();
			Files.deleteIfExists(worker.uploads().resolve(upload));
		}
	}

	@Test
	void eachStartIsANewInstance() {
		assertThat(instance.id()).matches(".+/[0-9a-f]{8}");
		assertThat(new AppInstance().id()).isNotEqualTo(instance.id());
	}
}
