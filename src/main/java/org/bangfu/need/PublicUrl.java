package org.bangfu.need;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address share links and QR codes point to: {@code bangfu.public-url} when configured (the
 * address people reach through the city's domain), else the address of the current request.
 */
@Component
public class PublicUrl {

	private final String configured;

	PublicUrl(@Value("${bangfu.public-url:}") String configured) {
		this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
	}

	public String of(HttpServletRequest request) {
		if (!configured.isBlank()) {
			return configured;
		}
		return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
	}
}
