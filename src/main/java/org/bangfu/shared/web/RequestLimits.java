package org.bangfu.shared.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.bangfu.shared.PhotoProcessing;
import org.bangfu.shared.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets (after the session is found), before security and before any body is read:
 * <ul>
 * <li>a query string with a malformed %-escape or bytes that are not UTF-8 is refused (400) — the
 * container would otherwise fail on it deep inside, as a 500;</li>
 * <li>a body is limited by what its endpoint takes: a registry or statement file up to
 * {@code bangfu.uploads.import-max}, other uploads (photos) up to {@code bangfu.uploads.photo-max},
 * anything else up to {@code bangfu.uploads.body-max}; larger is 413 at once, from the declared
 * length, or when a body without one grows past it;</li>
 * <li>an upload (multipart) from someone not signed in is refused before its body is read, so an
 * anonymous 300 MB post costs nothing.</li>
 * </ul>
 */
@Component
// right after Spring Session's filter (HIGHEST_PRECEDENCE + 50), which must come first: it makes the session (in the
// database) that "signed in" below reads
@Order(Ordered.HIGHEST_PRECEDENCE + 51)
class RequestLimits extends OncePerRequestFilter {

	/** Endpoints that take whole files (the registry, later bank statements): the import limit applies. */
	private static final List<Pattern> FILE_IMPORTS = List.of(Pattern.compile("/(api/v1/)?households/imports"),
			Pattern.compile("/api/v1/fund/statements"));

	private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

	private final long importMax;

	private final long photoMax;

	private final long bodyMax;

	private final ProblemResponses problems;

	RequestLimits(@Value("${bangfu.uploads.import-max:1GB}") org.springframework.util.unit.DataSize importMax,
			@Value("${bangfu.uploads.photo-max:12MB}") org.springframework.util.unit.DataSize photoMax,
			@Value("${bangfu.uploads.body-max:2MB}") org.springframework.util.unit.DataSize bodyMax, ProblemResponses problems) {
		this.importMax = importMax.toBytes();
		this.photoMax = photoMax.toBytes();
		this.bodyMax = bodyMax.toBytes();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!wellFormed(request.getQueryString())) {
			refuse(request, response, HttpStatus.BAD_REQUEST, "error.malformed-query");
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		long length = request.getContentLengthLong();
		String type = request.getContentType();
		boolean multipart = type != null && type.toLowerCase().startsWith("multipart/");
		if (multipart) {
			long limit = FILE_IMPORTS.stream().anyMatch(p -> p.matcher(path).matches()) ? importMax : photoMax;
			if (!signedIn(request)) {
				refuse(request, response, HttpStatus.UNAUTHORIZED, "error.unauthenticated");
				return;
			}
			if (length < 0) {
				refuse(request, response, HttpStatus.LENGTH_REQUIRED, "error.length-required");
				return;
			}
			if (length > limit) {
				// a photo's own limit is what its uploader knows (the request's allows for the form around it)
				if (limit == photoMax) {
					refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "upload.photo.too-large", PhotoProcessing.MAX_BYTES >> 20);
				}
				else {
					refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "error.too-large.limit", limit >> 20);
				}
				return;
			}
			chain.doFilter(request, response);
			return;
		}
		if (length > bodyMax) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "error.too-large.limit", bodyMax >> 20);
			return;
		}
		chain.doFilter(length < 0 && request.getMethod().equals("GET") ? request : new LimitedBody(request, bodyMax), response);
	}

	/** Every %-escape has two hex digits and the decoded bytes are UTF-8. */
	static boolean wellFormed(String query) {
		if (query == null || query.indexOf('%') < 0) {
			return true;
		}
		if (BAD_ESCAPE.matcher(query).find()) {
			return false;
		}
		for (String part : query.split("[&=]")) {
			if (part.indexOf('%') < 0) {
				continue;
			}
			ByteBuffer bytes = ByteBuffer.allocate(part.length());
			for (int i = 0; i < part.length(); i++) {
				char c = part.charAt(i);
				if (c == '%') {
					bytes.put((byte) Integer.parseInt(part, i + 1, i + 3, 16));
					i += 2;
				}
				else if (c < 0x80) {
					bytes.put((byte) c);
				}
				else {
					return false;
				}
			}
			try {
				StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes.flip());
			}
			catch (CharacterCodingException e) {
				return false;
			}
		}
		return true;
	}

	/** Signed in by a page session, or presenting a bearer token (checked later by the security filters, before any body is read). */
	private static boolean signedIn(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return true;
		}
		HttpSession session = request.getSession(false);
		return session != null
				&& session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext context
				&& context.getAuthentication() != null && context.getAuthentication().isAuthenticated();
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key, Object... args)
			throws IOException {
		// the body is not read: the client must not reuse the connection for the rest of it
		response.setHeader("Connection", "close");
		if (ErrorAnswers.isApi(request)) {
			problems.write(request, response, status, key, args);
		}
		else {
			response.setStatus(status.value());
			response.setContentType("text/plain;charset=UTF-8");
			response.getWriter().write(problems.detail(request, key, args));
		}
	}

	/** A request whose body stream ends the request with 413 once it has given more than the limit. */
	private static final class LimitedBody extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedBody(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				ServletInputStream in = super.getInputStream();
				stream = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						if (b >= 0) {
							count(1);
						}
						return b;
					}

					@Override
					public int read(byte[] b, int off, int len) throws IOException {
						int n = in.read(b, off, len);
						if (n > 0) {
							count(n);
						}
						return n;
					}

					private void count(int n) {
						if ((read += n) > limit) {
							throw new org.springframework.web.multipart.MaxUploadSizeExceededException(limit);
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}
				};
			}
			return stream;
		}
	}
}
