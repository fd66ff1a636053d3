package com.lagrello.security.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The default page that asks a signed-in user for a TOTP code ({@code GET /login/totp}),
 * in the style of Spring Security's own default pages. It posts the code to
 * {@link LagrelloTotpAuthenticationFilter}. With {@value #ERROR_PARAMETER} in the query
 * it says the code was refused; with {@value #UNAVAILABLE_PARAMETER} that the code could
 * not be checked, which is not a wrong code. An application replaces it with a page of
 * its own ({@code LagrelloTotpConfigurer.codePage(String)}), which posts a {@code code}
 * parameter (and the CSRF token) to the processing URL.
 */
public final class DefaultTotpCodePageGeneratingFilter extends OncePerRequestFilter {

	/** The query parameter that says the code was refused. */
	public static final String ERROR_PARAMETER = "error";

	/** The query parameter that says the code could not be checked. */
	public static final String UNAVAILABLE_PARAMETER = "unavailable";

	private RequestMatcher requestMatcher = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.GET, LagrelloTotpAuthenticationFilter.DEFAULT_PROCESSING_URL);

	private String processingUrl = LagrelloTotpAuthenticationFilter.DEFAULT_PROCESSING_URL;

	private Function<HttpServletRequest, Map<String, String>> resolveHiddenInputs = (request) -> Collections.emptyMap();

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain filterChain)
			throws ServletException, IOException {
		if (!this.requestMatcher.matches(request)) {
			filterChain.doFilter(request, response);
			return;
		}
		String html = generateHtml(request);
		response.setContentType("text/html;charset=UTF-8");
		response.setContentLength(html.getBytes(StandardCharsets.UTF_8).length);
		response.getWriter().write(html);
	}

	private String generateHtml(HttpServletRequest request) {
		String contextPath = request.getContextPath();
		String hiddenInputs = this.resolveHiddenInputs.apply(request)
			.entrySet()
			.stream()
			.map((input) -> "        <input name=\"" + HtmlUtils.htmlEscape(input.getKey())
					+ "\" type=\"hidden\" value=\"" + HtmlUtils.htmlEscape(input.getValue()) + "\" />\n")
			.collect(Collectors.joining());
		return PAGE.replace("{{contextPath}}", HtmlUtils.htmlEscape(contextPath))
			.replace("{{processingUrl}}", HtmlUtils.htmlEscape(contextPath + this.processingUrl))
			.replace("{{message}}", message(request))
			.replace("{{hiddenInputs}}", hiddenInputs);
	}

	private static String message(HttpServletRequest request) {
		MultiValueMap<String, String> query = UriComponentsBuilder.newInstance()
			.query(request.getQueryString())
			.build()
			.getQueryParams();
		if (query.containsKey(UNAVAILABLE_PARAMETER)) {
			return ALERT.replace("{{text}}", "The code could not be checked just now. Please try again in a moment.");
		}
		if (query.containsKey(ERROR_PARAMETER)) {
			return ALERT.replace("{{text}}", "Invalid code");
		}
		return "";
	}

	/**
	 * Sets the requests this filter answers with the page. By default it answers
	 * {@code GET /login/totp}.
	 * @param requestMatcher the requests for the page
	 */
	public void setRequestMatcher(RequestMatcher requestMatcher) {
		Assert.notNull(requestMatcher, "requestMatcher cannot be null");
		this.requestMatcher = requestMatcher;
	}

	/**
	 * Sets the URL the page posts the code to, below the context path. Defaults to
	 * {@code /login/totp}.
	 * @param processingUrl the processing URL
	 */
	public void setProcessingUrl(String processingUrl) {
		Assert.hasText(processingUrl, "processingUrl cannot be null or empty");
		this.processingUrl = processingUrl;
	}

	/**
	 * Sets the function that gives the hidden inputs of the form, keyed by name: the CSRF
	 * token, for example.
	 * @param resolveHiddenInputs the function to resolve the inputs
	 */
	public void setResolveHiddenInputs(Function<HttpServletRequest, Map<String, String>> resolveHiddenInputs) {
		Assert.notNull(resolveHiddenInputs, "resolveHiddenInputs cannot be null");
		this.resolveHiddenInputs = resolveHiddenInputs;
	}

	private static final String ALERT = """
			        <div class="alert alert-danger" role="alert">{{text}}</div>
			""";

	private static final String PAGE = """
			<!DOCTYPE html>
			<html lang="en">
			  <head>
			    <title>Two-Factor Sign-In</title>
			    <meta charset="utf-8"/>
			    <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no"/>
			    <link href="{{contextPath}}/default-ui.css" rel="stylesheet" />
			  </head>
			  <body>
			    <div class="container">
			      <form class="login-form" action="{{processingUrl}}" method="post">
			        <h2>Please enter the code from your authenticator app</h2>
			{{message}}        <p>
			          <label for="code" class="screenreader">Code</label>
			          <input type="text" id="code" name="code" placeholder="Code" inputmode="numeric" autocomplete="one-time-code" required="true" autofocus="autofocus"/>
			        </p>
			        <button class="primary" type="submit">Verify</button>
			{{hiddenInputs}}      </form>
			    </div>
			  </body>
			</html>
			""";

}
