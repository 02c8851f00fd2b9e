package org.bangfu.household;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import javax.sql.DataSource;

import org.bangfu.ApiClient;
import org.bangfu.ApplicationTest;
import org.bangfu.SecondAppNode;
import org.bangfu.region.Regions;
import org.bangfu.shared.AppInstance;
import org.bangfu.shared.RegionCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes on one database (issue 19): node B, a second Bangfu in the test JVM on the same database and
 * data directory, receives a registry upload and is stopped while it imports it; this node takes the job over and
 * imports it exactly once. Households only in 珠晖区 和平乡 (430405200), which no other test uses.
 */
class ImportNodeStopTest extends ApplicationTest {

	private static final String HEPING = "430405200";

	@Autowired
	DataSource dataSource;

	@Autowired
	RegistryFiles files;

	@Autowired
	Regions regions;

	private static long upload(int port, String token, byte[] content, String region) throws Exception {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"和平乡.csv\"\r\nContent-Type: text/csv\r\n\r\n"
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write("\r\n--B--\r\n".getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/households/imports?region=" + region))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=B")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
		return Long.parseLong(r.body().replaceAll("\\D+", ""));
	}

	private Object column(long job, String column) {
		return jdbc.sql("SELECT " + column + " FROM household_import WHERE id = ?").param(job).query().singleRow().get(column);
	}

	@Test
	void aNodeStoppedMidImportLeavesItToAnotherThatImportsItOnce() throws Exception {
		Path file = Files.createTempFile("heping", ".csv");
		files.generate(file, regions.get(RegionCode.parse(HEPING)), 3000, 405);
		SecondAppNode b = SecondAppNode.start(dataSource);
		long job;
		String bId = b.bean(AppInstance.class).id();
		try {
			int bPort = b.port();
			String token = new ApiClient(bPort).login("13800000001", DEMO_PASSWORD);
			job = upload(bPort, token, Files.readAllBytes(file), HEPING);
			Instant until = Instant.now().plusSeconds(30);
			while (!"RUNNING".equals(column(job, "status")) && Instant.now().isBefore(until)) {
				Thread.sleep(20);
			}
			assertThat(column(job, "status")).isEqualTo("RUNNING");
			assertThat(column(job, "owner_instance")).isEqualTo(bId);
		}
		finally {
			b.close(); // mid-run: B gives the job up and its connection (and open transaction) goes
			Files.delete(file);
		}
		Instant until = Instant.now().plusSeconds(120);
		while (!"DONE".equals(column(job, "status")) && !"FAILED".equals(column(job, "status")) && Instant.now().isBefore(until)) {
			Thread.sleep(200);
		}
		assertThat(column(job, "status")).as("%s", column(job, "error")).isEqualTo("DONE");
		assertThat(column(job, "owner_instance")).isNotEqualTo(bId).isNotNull();
		assertThat(column(job, "attempt")).isEqualTo(2);
		assertThat(column(job, "households")).isEqualTo(3000L);
		assertThat(column(job, "households_new")).isEqualTo(3000L);
		assertThat(jdbc.sql("SELECT count(*) FROM household WHERE region_code LIKE ? || '%'").param(HEPING).query(Long.class).single())
			.isEqualTo(3000L);
		assertThat(jdbc.sql("""
				SELECT count(*) FROM household_member m JOIN household h ON h.id = m.household_id WHERE h.region_code LIKE ? || '%'""")
			.param(HEPING)
			.query(Long.class)
			.single()).isEqualTo(((Number) column(job, "members")).longValue());
	}
}
