package org.bangfu.shared.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.InconsistentRequestException;
import org.bangfu.shared.NotAuthenticatedException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.TooLargeException;
import org.bangfu.shared.TooManyAttemptsException;
import org.bangfu.shared.UnsupportedFormatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error into an answer the user can read: for the JSON API an RFC 9457
 * {@code application/problem+json} whose {@code detail} is in the user's language (Chinese unless
 * they chose English), for pages the error page. Bad input is never a 500.
 */
@ControllerAdvice
class ErrorAnswers {

	private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

	private final MessageSource messages;

	ErrorAnswers(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(BadInputException.class)
	Object badInput(BadInputException e, HttpServletRequest request, HttpServletResponse response) {
		return answer(FailureStatus.of(e), e.messageKey(), e.args(), request, response);
	}


	@ExceptionHandler({ NoResourceFoundException.class })
	Object notFound(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.NOT_FOUND, "error.not-found", null, request, response);
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, HttpMessageNotReadableException.class,
			MissingServletRequestParameterException.class, MethodArgumentNotValidException.class,
			HandlerMethodValidationException.class, MethodValidationException.class })
	Object malformed(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.BAD_REQUEST, "error.malformed-request", null, request, response);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.METHOD_NOT_ALLOWED, "error.method-not-allowed", null, request, response);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object mediaType(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.media-type", null, request, response);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(Exception e, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.CONTENT_TOO_LARGE, "error.too-large", null, request, response);
	}

	@ExceptionHandler(ErrorResponseException.class)
	Object framework(ErrorResponseException e, HttpServletRequest request, HttpServletResponse response) {
		HttpStatusCode status = e.getStatusCode();
		String key = status.is4xxClientError() ? "error.malformed-request" : "error.internal";
		return answer(HttpStatus.valueOf(status.value()), key, null, request, response);
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
		if (e instanceof org.springframework.security.access.AccessDeniedException
				|| e instanceof org.springframework.security.core.AuthenticationException) {
			throw e; // Spring Security answers these (401 / 403 / login page)
		}
		if (e instanceof org.springframework.web.ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
			// the framework's own refusals (a blank path variable, a missing header...): the client's mistake
			return answer(HttpStatus.valueOf(framework.getStatusCode().value()), "error.malformed-request", null, request, response);
		}
		if (e instanceof org.springframework.web.multipart.MultipartException
				|| e instanceof org.springframework.web.bind.ServletRequestBindingException) {
			// a malformed multipart body, or a path variable that converts to nothing
			return answer(HttpStatus.BAD_REQUEST, "error.malformed-request", null, request, response);
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
		return answer(HttpStatus.INTERNAL_SERVER_ERROR, "error.internal", null, request, response);
	}

	private Object answer(HttpStatus status, String key, Object[] args, HttpServletRequest request, HttpServletResponse response) {
		String detail = messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
		if (isApi(request)) {
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(status, detail, request));
		}
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("detail", detail);
		return page;
	}

	static boolean isApi(HttpServletRequest request) {
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		return uri.startsWith("/api/");
	}

	static ProblemDetail problem(HttpStatus status, String detail, HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		return problem;
	}
}
