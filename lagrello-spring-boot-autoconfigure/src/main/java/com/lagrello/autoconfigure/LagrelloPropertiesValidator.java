package com.lagrello.autoconfigure;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.lagrello.client.LagrelloInvalidArgumentException;
import com.lagrello.client.RetryBudget;
import com.lagrello.client.RetryPolicy;
import com.lagrello.client.ClientOptions;
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
 * properties are checked by the client's rules where it has them, not by copies.
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

	static void validate(LagrelloProperties properties, Errors errors) {
		check(errors, "baseUrl",
				() -> ClientOptions.checkBaseUrl(properties.getBaseUrl(), properties.isAllowInsecureHttp()));
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
		check(errors, "bulk.concurrency",
				() -> ClientOptions.checkBulkConcurrency(properties.getBulk().getConcurrency()));
		DataSize size = properties.getMaxInMemorySize();
		if (size == null || size.toBytes() < 1 || size.toBytes() > MAX_IN_MEMORY_SIZE) {
			errors.rejectValue("maxInMemorySize", "range",
					"must be from 1B to " + MAX_IN_MEMORY_SIZE + "B (about 2GB), for example 1MB");
		}
		LagrelloProperties.Retry retry = properties.getRetry();
		check(errors, (argument) -> "retry." + argument, () -> new RetryPolicy(retry.getMaxAttempts(),
				retry.getInitialBackoff(), retry.getMaxBackoff(), retry.getMaxRetryAfter()));
		LagrelloProperties.Budget budget = retry.getBudget();
		check(errors, (argument) -> "retry.budget." + argument,
				() -> RetryBudget.of(budget.getPercent(), budget.getMinRetries(), budget.getWindow()));
		validateProxy(properties.getProxy(), errors);
		LagrelloProperties.Pagination pagination = properties.getPagination();
		check(errors, "pagination.pageSize", () -> ClientOptions.checkPageSize(pagination.getPageSize()));
		check(errors, "pagination.maxPages", () -> ClientOptions.checkMaxPages(pagination.getMaxPages()));
		check(errors, "pagination.concurrency",
				() -> ClientOptions.checkPaginationConcurrency(pagination.getConcurrency()));
		timeout("health.timeout", properties.getHealth().getTimeout(), errors);
		notNegative("health.interval", properties.getHealth().getInterval(), errors);
		atMostADay("health.interval", properties.getHealth().getInterval(), errors);
		timeout("pool.maxIdleTime", properties.getPool().getMaxIdleTime(), errors);
		if (properties.getPool().getMaxConnections() < 1) {
			errors.rejectValue("pool.maxConnections", "range", "must be 1 or more");
		}
	}

	private static void validateProxy(LagrelloProperties.Proxy proxy, Errors errors) {
		boolean userUnresolved = unresolvedPlaceholder("proxy.username", proxy.getUsername(), errors);
		if (unresolvedPlaceholder("proxy.password", proxy.getPassword(), errors) || userUnresolved) {
			return;
		}
		String host = proxy.getHost();
		boolean hasHost = host != null && !host.isBlank();
		if (hasHost && !HOST.matcher(host.strip()).matches()) {
			errors.rejectValue("proxy.host", "shape",
					"must be a host name or address only, without scheme, port or path,"
							+ " for example proxy.example.com");
		}
		Integer port = proxy.getPort();
		if (hasHost && (port == null || port < 1 || port > 65535)) {
			errors.rejectValue("proxy.port", "range", "must be from 1 to 65535 when lagrello.proxy.host is set");
		}
		if (!hasHost && (port != null || proxy.getUsername() != null || proxy.getPassword() != null
				|| !proxy.getNonProxyHosts().isEmpty())) {
			errors.rejectValue("proxy.host", "missing",
					"must be set when lagrello.proxy.port, username, password or non-proxy-hosts is");
		}
		if ((proxy.getUsername() == null || proxy.getUsername().isBlank()) != (proxy.getPassword() == null)) {
			rejectSecret(errors, "proxy.username", "pair", "and lagrello.proxy.password must be set together");
		}
		if (proxy.getUsername() != null && proxy.getUsername().indexOf(':') >= 0) {
			rejectSecret(errors, "proxy.username", "shape",
					"must not contain ':', which Basic authentication cannot carry in a user name");
		}
		for (String entry : proxy.getNonProxyHosts()) {
			if (entry == null || !NON_PROXY_HOST.matcher(entry.strip()).matches()) {
				errors.rejectValue("proxy.nonProxyHosts", "shape",
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
	 * @param field the property's field, relative to {@code lagrello}
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
			String reason = ex.getMessage();
			for (Map.Entry<String, String> setting : PROPERTIES_OF_SETTINGS.entrySet()) {
				reason = reason.replace(setting.getKey(), setting.getValue());
			}
			errors.rejectValue(fieldOf.apply(ex.argument()), "invalid", reason);
		}
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
		String setting = field.substring(field.lastIndexOf('.') + 1);
		check(errors, field, () -> ClientOptions.checkTimeout(setting, value));
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
