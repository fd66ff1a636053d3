package com.lagrello.sample.support;

import com.lagrello.client.LagrelloApiException;
import com.lagrello.client.LagrelloException;
import com.lagrello.client.LagrelloInvalidArgumentException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns Lagrello failures into problem details for the sample's callers, in a Spring MVC
 * and a WebFlux application alike.
 */
@RestControllerAdvice
public class LagrelloExceptionHandler {

	@ExceptionHandler
	ProblemDetail invalidArgument(LagrelloInvalidArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/**
	 * Passes on what the caller can act on (a bad request, an unknown token or user, a
	 * user id taken); a rejected access token or a server error is this application's
	 * problem with its upstream, hence 502.
	 */
	@ExceptionHandler
	ProblemDetail apiError(LagrelloApiException ex) {
		HttpStatus status = switch (ex.statusCode()) {
			case 400 -> HttpStatus.BAD_REQUEST;
			case 404 -> HttpStatus.NOT_FOUND;
			case 409 -> HttpStatus.CONFLICT;
			default -> HttpStatus.BAD_GATEWAY;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setProperty("errorType", ex.errorType());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail otherFailure(LagrelloException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
	}

}
