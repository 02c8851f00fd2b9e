package org.bangfu.shared.web;

import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ChoiceNeededException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.InconsistentRequestException;
import org.bangfu.shared.NotAuthenticatedException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.TooLargeException;
import org.bangfu.shared.TooManyAttemptsException;
import org.bangfu.shared.UnsupportedFormatException;
import org.springframework.http.HttpStatus;

/**
 * The one place where a kind of domain failure becomes an HTTP status: the domain throws what went
 * wrong ({@link NotFoundException}, {@link ConflictException}…), the web answers with the status.
 */
public final class FailureStatus {

	private FailureStatus() {
	}

	public static HttpStatus of(BadInputException e) {
		if (e instanceof NotFoundException) return HttpStatus.NOT_FOUND;
		if (e instanceof NotPermittedException) return HttpStatus.FORBIDDEN;
		if (e instanceof ConflictException) return HttpStatus.CONFLICT;
		if (e instanceof InconsistentRequestException) return HttpStatus.UNPROCESSABLE_CONTENT;
		// well-formed, but it cannot be answered until the user picks one of the choices it lists
		if (e instanceof ChoiceNeededException) return HttpStatus.UNPROCESSABLE_CONTENT;
		if (e instanceof TooManyAttemptsException) return HttpStatus.TOO_MANY_REQUESTS;
		if (e instanceof TooLargeException) return HttpStatus.CONTENT_TOO_LARGE;
		if (e instanceof UnsupportedFormatException) return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
		if (e instanceof NotAuthenticatedException) return HttpStatus.UNAUTHORIZED;
		return HttpStatus.BAD_REQUEST;
	}
}
