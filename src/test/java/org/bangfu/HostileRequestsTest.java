package org.bangfu;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.bangfu.ApiClient.Answer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests as an attacker sends them (issue 12): they are answered 4xx at once, and nothing is read that need not be. */
class HostileRequestsTest extends ApplicationTest {

	/** Sends the head of a request whose declared body never comes, and reads the status line the server answers with. */
	private String statusOfHeadOnly(String head) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.UTF_8));
			out.write("--B\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\n\r\n".getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			for (int c; (c = in.read()) >= 0 && c != '\n';) {
				line.append((char) c);
			}
			return line.toString().strip();
		}
	}

	@Test
	void anAnonymousHugeUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
		String status = statusOfHeadOnly("POST /api/v1/needs/1/photos HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: multipart/form-data; boundary=B\r\nContent-Length: 314572800\r\n\r\n");
		assertThat(status).isEqualTo("HTTP/1.1 401");
		assertThat(statusOfHeadOnly("POST /needs/1/photos HTTP/1.1\r\nHost: localhost\r\n"
				+ "Content-Type: multipart/form-data; boundary=B\r\nContent-Length: 314572800\r\n\r\n")).isEqualTo("HTTP/1.1 401");
	}

	@Test
	void aSignedInUploadLargerThanAPhotoIsRefusedBeforeItsBodyIsRead() throws Exception {
		String token = api().login("13800000004", DEMO_PASSWORD);
		String status = statusOfHeadOnly("POST /api/v1/needs/1/photos HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n"
				+ "Content-Type: multipart/form-data; boundary=B\r\nContent-Length: 31457280\r\n\r\n");
		assertThat(status).isEqualTo("HTTP/1.1 413");
	}

	@Test
	void aLargeJsonBodyIsRefused() {
		String token = api().login("13800000004", DEMO_PASSWORD);
		Answer answer = api().post("/api/v1/needs", "{\"title\":\"" + "长".repeat(1_200_000) + "\"}", token);
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.json().get("detail").asString()).startsWith("上传的内容太大");
	}

	/** A GET sent as bytes (Java's URI refuses to build a malformed one): the status line and the body. */
	private String[] rawGet(String path) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return new String[] { answer.substring(0, answer.indexOf("\r\n")).strip(), answer };
		}
	}

	@Test
	void invalidPercentEscapesAreABadRequestForEveryone() throws Exception {
		for (String path : new String[] { "/api/v1/needs?region=%zz", "/api/v1/stats/matching-rate?from=%", "/api/v1/needs?q=%E4%B8",
				"/needs?q=%zz" }) {
			String[] answer = rawGet(path);
			assertThat(answer[0]).as(path).isEqualTo("HTTP/1.1 400");
			assertThat(answer[1]).as(path).contains("网址中的参数格式不正确");
		}
		assertThat(rawGet("/needs?q=%E6%A3%89%E9%9E%8B")[0]).as("a well-formed Chinese query").isEqualTo("HTTP/1.1 200");
	}
}
