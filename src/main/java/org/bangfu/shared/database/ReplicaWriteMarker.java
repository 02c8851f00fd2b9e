package org.bangfu.shared.database;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Read-your-writes: after a request that may have written (not GET/HEAD/OPTIONS), its session reads the primary until the replica has caught up. */
@Component
class ReplicaWriteMarker extends OncePerRequestFilter {

	private final ReplicaReads reads;

	ReplicaWriteMarker(ReplicaReads reads) {
		this.reads = reads;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (!ReplicaReads.isSafe(request.getMethod())) {
				reads.wrote(request.getSession(false));
			}
		}
	}
}
