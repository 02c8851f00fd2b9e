package org.bangfu.shared.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ChoiceNeededException;
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
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

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
		if (e instanceof ChoiceNeededException choice) {
			return choices(choice, request);
		}
		return answer(FailureStatus.of(e), e.messageKey(), e.args(), request, response);
	}

	/**
	 * A choice the user must make: the API lists it ({@code parameter}, {@code choices}); a page shows one
	 * link per choice to the same address with the parameter set, so every page that can need a choice
	 * gets the same chooser without code of its own.
	 */
	private Object choices(ChoiceNeededException e, HttpServletRequest request) {
		HttpStatus status = FailureStatus.of(e);
		Locale locale = LocaleContextHolder.getLocale();
		String separator = messages.getMessage("choice.separator", null, "、", locale);
		String list = e.choices().stream()
			.map(c -> messages.getMessage("choice.item", new Object[] { c.label(), c.value() }, c.label() + " (" + c.value() + ")", locale))
			.collect(Collectors.joining(separator));
		String detail = messages.getMessage(e.messageKey(), new Object[] { list }, e.messageKey(), locale);
		if (isApi(request)) {
			ProblemDetail problem = problem(status, detail, request);
			problem.setProperty("parameter", e.parameter());
			problem.setProperty("choices", e.choices());
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		// a link repeats a GET only: another method's address need not answer a GET
		boolean linkable = "GET".equals(request.getMethod());
		List<Map<String, String>> links = e.choices().stream()
			.map(c -> Map.of("label", c.label(), "value", c.value(), "href", linkable ? sameWith(request, e.parameter(), c.value()) : ""))
			.toList();
		ModelAndView page = new ModelAndView("choice");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("detail", detail);
		page.addObject("choices", links);
		return page;
	}

	/** The request's own address (within the application) with the parameter set to the value, the rest of its query kept. */
	static String sameWith(HttpServletRequest request, String parameter, String value) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
		String query = request.getQueryString();
		if (query != null) {
			link.query(query);
		}
		// the page number counted in a list not yet chosen
		link.replaceQueryParam("page").replaceQueryParam(parameter, UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
		try {
			return link.build(true).toUriString();
		}
		catch (IllegalArgumentException malformed) {
			// a query the client sent unencoded: drop it rather than fail on the way to the chooser
			return UriComponentsBuilder.fromPath(path).queryParam(parameter, UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8))
				.build(true).toUriString();
		}
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
