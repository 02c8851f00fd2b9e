package org.bangfu.household;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.bangfu.household.RegistryImportClaims.Claim;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * This node's share of the registry imports: one worker thread runs the jobs queued with this
 * instance one at a time, and every {@code bangfu.jobs.heartbeat} a second thread says this instance
 * is alive (its jobs' heartbeat) and takes over the open jobs of instances silent for longer than
 * {@code bangfu.jobs.dead-after}. A taken-over job is imported again from its stored upload: an
 * attempt commits nothing until its end (stage, checks, merge and "done" are one transaction), so a
 * dead attempt left nothing behind to undo. It is failed instead, with a message, when this node
 * cannot read the upload or the job has already been started {@value #MAX_ATTEMPTS} times.
 */
@Component
class RegistryImportWorker {

	private static final Logger log = LoggerFactory.getLogger(RegistryImportWorker.class);

	/** A file that brought down that many nodes (or was cut short that often) is not tried on yet another. */
	static final int MAX_ATTEMPTS = 3;

	private final RegistryImportClaims claims;

	private final RegistryImportRun run;

	private final RegistryImportReport report;

	private final Regions regions;

	private final Path uploads;

	private final Duration heartbeat;

	private final Duration deadAfter;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "registry-import"));

	private volatile boolean stopping;

	private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "registry-import-heartbeat"));

	RegistryImportWorker(RegistryImportClaims claims, RegistryImportRun run, RegistryImportReport report, Regions regions,
			BangfuProperties properties, @Value("${bangfu.jobs.heartbeat:10s}") Duration heartbeat,
			@Value("${bangfu.jobs.dead-after:60s}") Duration deadAfter) {
		if (heartbeat.isNegative() || heartbeat.isZero() || deadAfter.compareTo(heartbeat.multipliedBy(3)) < 0) {
			throw new IllegalStateException("bangfu.jobs.dead-after (" + deadAfter + ") must be at least three times bangfu.jobs.heartbeat ("
					+ heartbeat + "), or a slow heartbeat would hand a live node's job to another");
		}
		this.claims = claims;
		this.run = run;
		this.report = report;
		this.regions = regions;
		this.uploads = properties.dataDir().resolve("imports");
		this.heartbeat = heartbeat;
		this.deadAfter = deadAfter;
	}

	private static Thread daemon(Runnable r, String name) {
		Thread t = new Thread(r, name);
		t.setDaemon(true);
		return t;
	}

	Path uploads() {
		return uploads;
	}

	@EventListener(ApplicationReadyEvent.class)
	void startBeating() {
		ticks.scheduleWithFixedDelay(this::tick, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Runs a job queued with this instance once the worker is free. */
	void enqueue(long jobId) {
		worker.submit(() -> runJob(jobId));
	}

	private void tick() {
		try {
			claims.beat();
			sweep();
		}
		catch (RuntimeException e) {
			log.warn("registry import heartbeat failed; tried again in {}", heartbeat, e);
		}
	}

	/** Takes over every job left by a silent instance; answers how many. */
	int sweep() {
		int taken = 0;
		for (Optional<Claim> c = claims.takeOverOne(claims.self(), deadAfter); c.isPresent(); c = claims.takeOverOne(claims.self(), deadAfter)) {
			taken++;
			takenOver(c.get());
		}
		return taken;
	}

	private void takenOver(Claim c) {
		Path file = uploadOf(c);
		if (c.attempt() >= MAX_ATTEMPTS) {
			log.warn("registry import {}: started {} times on nodes that stopped; failing it", c.jobId(), c.attempt());
			if (report.fail(c, report.text("import.takeover.attempts", new Object[] { c.attempt() }))) {
				delete(file);
			}
		}
		else if (file == null) {
			log.warn("registry import {}: its node stopped and upload {} is not readable here ({})", c.jobId(), c.uploadName(), uploads);
			report.fail(c, report.text("import.takeover.no-upload", null));
		}
		else {
			log.warn("registry import {}: its node stopped after {} attempt(s); importing it again here", c.jobId(), c.attempt());
			enqueue(c.jobId());
		}
	}

	private void runJob(long jobId) {
		Optional<Claim> claim = claims.start(jobId);
		if (claim.isEmpty()) {
			return; // taken over meanwhile: no longer ours
		}
		Claim c = claim.get();
		Path file = uploadOf(c);
		if (file == null) {
			report.fail(c, report.text("import.takeover.no-upload", null));
			return;
		}
		boolean ended;
		try {
			Region scope = regions.get(RegionCode.parse(c.regionCode()));
			ended = run.execute(c, file, scope);
		}
		catch (RuntimeException | Error e) {
			if (stopping) {
				// this node gave the job up (stop()); its connections are closing under it, and the next node takes it
				log.info("registry import {}: cut short by this node's stop; another node takes it over", jobId);
				return;
			}
			log.error("registry import {} failed", jobId, e);
			ended = report.fail(c, report.text("import.failed", null));
		}
		if (ended) {
			delete(file);
		}
	}

	/** The job's stored upload, if this node can read it (a shared data directory, or the node that took it). */
	private Path uploadOf(Claim c) {
		if (c.uploadName() == null || c.uploadName().contains("/") || c.uploadName().contains("\\")) {
			return null;
		}
		Path file = uploads.resolve(c.uploadName());
		return Files.isReadable(file) ? file : null;
	}

	private static void delete(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			log.warn("could not delete {}", file);
		}
	}

	/** Stops sweeping first (not to take back what it gives up), gives its jobs up, then interrupts the running one. */
	@PreDestroy
	void stop() throws InterruptedException {
		stopping = true;
		ticks.shutdownNow();
		ticks.awaitTermination(5, TimeUnit.SECONDS);
		try {
			claims.release();
		}
		catch (RuntimeException e) {
			log.warn("could not release this node's registry imports; other nodes take them over after {}", deadAfter);
		}
		worker.shutdownNow();
	}
}
