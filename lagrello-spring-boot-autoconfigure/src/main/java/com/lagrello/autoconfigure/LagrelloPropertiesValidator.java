package com.lagrello.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lagrello.client.ClientOptions;
import com.lagrello.client.LagrelloInvalidArgumentException;
import com.lagrello.client.RetryBudget;
import com.lagrello.client.RetryPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * Refuses {@code lagrello.*} values that cannot work, when they are bound: Spring Boot
 * then stops the application with one failure analysis that names the property, its
 * value, where it came from, and this reason, instead of a stack trace or a silent
 * fallback at the first call. A rejected secret (the access token, the proxy credentials)
 * is shown masked there, like everywhere else. Limits are the client's own: the
 * properties are checked by the client's checks ({@link ClientOptions},
 * {@link RetryPolicy}, {@link RetryBudget}) where it has them, not by copies, and only
 * the names are translated: the client's argument to the property's field.
 */
final class LagrelloPropertiesValidator {

	private static final long MAX_IN_MEMORY_SIZE = Integer.MAX_VALUE;

	// the builder settings the client's reasons name, by the properties that set them
	private static final Map<String, String> PROPERTIES_OF_SETTINGS = Map.of("allowInsecureHttp",
			"lagrello.allow-insecure-http");

	// what a failure analysis shows for a rejected secret, as LagrelloProperties does
	private static final String MASKED = "******";

	// a ${NAME} or ${NAME:default} that nothing resolved: Boot binds it as it is written
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]*)(?::[^}]*)?}");

	// a name, an IPv4 address or a bracketed IPv6 address
	private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\]");

	// a name or pattern not starting with a dot, or a bracketed IPv6 address
	private static final Pattern NON_PROXY_HOST = Pattern.compile("[A-Za-z0-9*-][A-Za-z0-9.*-]*|\\[[0-9A-Fa-f:.]+\\]");

	private LagrelloPropertiesValidator() {
	}

	/**
	 * Whether {@link #validate(Object, Errors)} checks objects of that type: the
	 * properties and each of their groups. Spring Boot validates each group bound from
	 * the environment on its own, under its own name ({@code lagrello.pagination}), which
	 * lets the failure analysis find where a nested value came from; it only looks for a
	 * field among the direct children of the validated object.
	 * @param type the type of the bound object
	 * @return whether it is validated here
	 */
	static boolean supports(Class<?> type) {
		return LagrelloProperties.class.isAssignableFrom(type) || LagrelloProperties.Retry.class.equals(type)
				|| LagrelloProperties.Budget.class.equals(type) || LagrelloProperties.Bulk.class.equals(type)
				|| LagrelloProperties.Pagination.class.equals(type) || LagrelloProperties.Health.class.equals(type)
				|| LagrelloProperties.Pool.class.equals(type) || LagrelloProperties.Proxy.class.equals(type);
	}

	/**
	 * Validates the properties, with all their groups, or one group, with the groups
	 * nested in it; field names are relative to the object validated.
	 * @param target the properties or one of their groups
	 * @param errors where to report
	 */
	static void validate(Object target, Errors errors) {
		if (target instanceof LagrelloProperties properties) {
			validateProperties(properties, errors);
		}
		else if (target instanceof LagrelloProperties.Retry retry) {
			validateRetry(retry, errors);
		}
		else if (target instanceof LagrelloProperties.Budget budget) {
			validateBudget(budget, errors);
		}
		else if (target instanceof LagrelloProperties.Bulk bulk) {
			validateBulk(bulk, errors);
		}
		else if (target instanceof LagrelloProperties.Pagination pagination) {
			validatePagination(pagination, errors);
		}
		else if (target instanceof LagrelloProperties.Health health) {
			validateHealth(health, errors);
		}
		else if (target instanceof LagrelloProperties.Pool pool) {
			validatePool(pool, errors);
		}
		else if (target instanceof LagrelloProperties.Proxy proxy) {
			validateProxy(proxy, errors);
		}
	}

	private static void validateProperties(LagrelloProperties properties, Errors errors) {
		validateBaseUrl(properties.getBaseUrl(), properties.isAllowInsecureHttp(), errors);
		String token = properties.getAccessToken();
		if (!unresolvedPlaceholder("accessToken", token, errors) && token != null && !token.isBlank()
				&& token.strip().chars().anyMatch(Character::isWhitespace)) {
			rejectSecret(errors, "accessToken", "whitespace",
					"must not contain whitespace inside it (whitespace around it is trimmed); check how the secret is"
							+ " written");
		}
		timeout("connectTimeout", properties.getConnectTimeout(), errors);
		timeout("readTimeout", properties.getReadTimeout(), errors);
		timeout("callTimeout", properties.getCallTimeout(), errors);
		nested("bulk", errors, () -> validateBulk(properties.getBulk(), errors));
		DataSize size = properties.getMaxInMemorySize();
		if (size == null || size.toBytes() < 1 || size.toBytes() > MAX_IN_MEMORY_SIZE) {
			errors.rejectValue("maxInMemorySize", "range",
					"must be from 1B to " + MAX_IN_MEMORY_SIZE + "B (about 2GB), for example 1MB");
		}
		nested("retry", errors, () -> validateRetry(properties.getRetry(), errors));
		nested("proxy", errors, () -> validateProxy(properties.getProxy(), errors));
		nested("pagination", errors, () -> validatePagination(properties.getPagination(), errors));
		nested("health", errors, () -> validateHealth(properties.getHealth(), errors));
		nested("pool", errors, () -> validatePool(properties.getPool(), errors));
	}

	private static void nested(String group, Errors errors, Runnable validation) {
		errors.pushNestedPath(group);
		try {
			validation.run();
		}
		finally {
			errors.popNestedPath();
		}
	}

	private static void validateBulk(LagrelloProperties.Bulk bulk, Errors errors) {
		check(errors, "concurrency", () -> ClientOptions.checkBulkConcurrency(bulk.getConcurrency()));
	}

	/**
	 * The client's {@link RetryPolicy} rules (as for the budget, {@link RetryBudget}'s),
	 * so that a value it would refuse (or could not compute with) stops start-up rather
	 * than the first call. The argument the policy names is the property's field.
	 */
	private static void validateRetry(LagrelloProperties.Retry retry, Errors errors) {
		check(errors, Function.identity(), () -> new RetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(),
				retry.getMaxBackoff(), retry.getMaxRetryAfter()));
		nested("budget", errors, () -> validateBudget(retry.getBudget(), errors));
	}

	private static void validateBudget(LagrelloProperties.Budget budget, Errors errors) {
		check(errors, Function.identity(),
				() -> RetryBudget.of(budget.getPercent(), budget.getMinRetries(), budget.getWindow()));
	}

	private static void validatePagination(LagrelloProperties.Pagination pagination, Errors errors) {
		check(errors, "pageSize", () -> ClientOptions.checkPageSize(pagination.getPageSize()));
		check(errors, "maxPages", () -> ClientOptions.checkMaxPages(pagination.getMaxPages()));
		check(errors, "concurrency", () -> ClientOptions.checkPaginationConcurrency(pagination.getConcurrency()));
	}

	private static void validateHealth(LagrelloProperties.Health health, Errors errors) {
		timeout("timeout", health.getTimeout(), errors);
		notNegative("interval", health.getInterval(), errors);
		atMostADay("interval", health.getInterval(), errors);
	}

	private static void validatePool(LagrelloProperties.Pool pool, Errors errors) {
		timeout("maxIdleTime", pool.getMaxIdleTime(), errors);
		if (pool.getMaxConnections() < 1) {
			errors.rejectValue("maxConnections", "range", "must be 1 or more");
		}
	}

	private static void validateProxy(LagrelloProperties.Proxy proxy, Errors errors) {
		boolean userUnresolved = unresolvedPlaceholder("username", proxy.getUsername(), errors);
		if (unresolvedPlaceholder("password", proxy.getPassword(), errors) || userUnresolved) {
			return;
		}
		String host = proxy.getHost();
		boolean hasHost = host != null && !host.isBlank();
		if (hasHost && !HOST.matcher(host.strip()).matches()) {
			errors.rejectValue("host", "shape", "must be a host name or address only, without scheme, port or path,"
					+ " for example proxy.example.com");
		}
		Integer port = proxy.getPort();
		if (hasHost && (port == null || port < 1 || port > 65535)) {
			errors.rejectValue("port", "range", "must be from 1 to 65535 when lagrello.proxy.host is set");
		}
		if (!hasHost && (port != null || proxy.getUsername() != null || proxy.getPassword() != null
				|| !proxy.getNonProxyHosts().isEmpty())) {
			errors.rejectValue("host", "missing",
					"must be set when lagrello.proxy.port, username, password or non-proxy-hosts is");
		}
		if ((proxy.getUsername() == null || proxy.getUsername().isBlank()) != (proxy.getPassword() == null)) {
			rejectSecret(errors, "username", "pair", "and lagrello.proxy.password must be set together");
		}
		if (proxy.getUsername() != null && proxy.getUsername().indexOf(':') >= 0) {
			rejectSecret(errors, "username", "shape",
					"must not contain ':', which Basic authentication cannot carry in a user name");
		}
		for (String entry : proxy.getNonProxyHosts()) {
			if (entry == null || !NON_PROXY_HOST.matcher(entry.strip()).matches()) {
				errors.rejectValue("nonProxyHosts", "shape",
						"must be host names or addresses without port, IPv6 ones in brackets, with * for any part of"
								+ " a name (*.example.com, not .example.com), but one is '" + entry + "'");
			}
		}
	}

	/**
	 * Runs one of the client's checks on a property's value and, if it refuses it,
	 * rejects the property with the client's reason: the client's rules, not a copy of
	 * them. Only the names are translated: the field is the property's, and a builder
	 * setting the reason names becomes its property.
	 * @param field the property's field, relative to the object validated
	 */
	private static void check(Errors errors, String field, Runnable check) {
		check(errors, (argument) -> field, check);
	}

	/**
	 * Runs a check of the client that may refuse one of several arguments, rejecting the
	 * field the refused argument maps to.
	 */
	private static void check(Errors errors, Function<String, String> fieldOf, Runnable check) {
		try {
			check.run();
		}
		catch (LagrelloInvalidArgumentException ex) {
			errors.rejectValue(fieldOf.apply(ex.argument()), "invalid", reason(ex));
		}
	}

	/**
	 * The base URL by the client's check; one with user info is shown masked, as a
	 * secret: credentials put in the URL must not reach the failure analysis.
	 */
	private static void validateBaseUrl(@Nullable URI baseUrl, boolean allowInsecureHttp, Errors errors) {
		try {
			ClientOptions.checkBaseUrl(baseUrl, allowInsecureHttp);
		}
		catch (LagrelloInvalidArgumentException ex) {
			String authority = (baseUrl != null) ? baseUrl.getRawAuthority() : null;
			if (authority != null && authority.contains("@")) {
				rejectSecret(errors, "baseUrl", "invalid", reason(ex));
			}
			else {
				errors.rejectValue("baseUrl", "invalid", reason(ex));
			}
		}
	}

	/**
	 * The client's reason, the builder settings it names translated to their properties.
	 */
	private static String reason(LagrelloInvalidArgumentException refused) {
		String reason = refused.getMessage();
		for (Map.Entry<String, String> setting : PROPERTIES_OF_SETTINGS.entrySet()) {
			reason = reason.replace(setting.getKey(), setting.getValue());
		}
		return reason;
	}

	/**
	 * Rejects a secret that holds a placeholder nothing resolved (an environment variable
	 * that is not set, say), naming the placeholder: sent as it is, it would fail every
	 * call with 401.
	 * @return whether it was rejected
	 */
	private static boolean unresolvedPlaceholder(String field, @Nullable String secret, Errors errors) {
		Matcher placeholder = (secret != null) ? PLACEHOLDER.matcher(secret) : null;
		if (placeholder == null || !placeholder.find()) {
			return false;
		}
		String name = placeholder.group(1);
		rejectSecret(errors, field, "unresolved", "holds the placeholder ${" + name + "}, which nothing resolves: set"
				+ " the environment variable or property " + name + " (or give the value itself)");
		return true;
	}

	/**
	 * Rejects a secret's value, which the failure analysis then shows masked: Boot prints
	 * the rejected value of a field error, and {@code rejectValue} would take it as it
	 * is.
	 */
	private static void rejectSecret(Errors errors, String field, String code, String message) {
		if (errors instanceof BindingResult result) {
			result.addError(new FieldError(result.getObjectName(), result.getNestedPath() + field, MASKED, false,
					result.resolveMessageCodes(code, field), null, message));
		}
		else {
			errors.rejectValue(field, code, message);
		}
	}

	/**
	 * A timeout of the client or of the starter (connect, pool, health), by the client's
	 * one rule for timeouts.
	 */
	private static void timeout(String field, @Nullable Duration value, Errors errors) {
		check(errors, field, () -> ClientOptions.checkTimeout(field, value));
	}

	/**
	 * Whether a duration is at most the client's longest timeout (longer ones cannot be
	 * computed with in nanoseconds), rejecting it if not.
	 */
	private static boolean atMostADay(String field, @Nullable Duration value, Errors errors) {
		if (value != null && value.compareTo(ClientOptions.MAX_TIMEOUT) > 0) {
			errors.rejectValue(field, "range", "must be at most a day (1d)");
			return false;
		}
		return true;
	}

	private static void notNegative(String field, @Nullable Duration value, Errors errors) {
		if (value == null || value.isNegative()) {
			errors.rejectValue(field, "notNegative", "must be 0 or longer, for example 10s");
		}
	}

}
