package com.lagrello.autoconfigure.security;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import com.lagrello.security.LagrelloOneTimeTokenService;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.authentication.ott.OneTimeTokenService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A servlet application with {@code lagrello-spring-security} (which brings Spring
 * Security's core and web modules) but without {@code spring-security-config}, which it
 * declares optional: it starts, with Lagrello's one-time-token service. Run on a class
 * path without that jar, as a {@code FilteredClassLoader} cannot hide a class from the
 * auto-configuration's own class loader.
 */
class WithoutSecurityConfigTests {

	private static final String SECURITY_CONFIG_JAR = "spring-security-config";

	@Test
	void aServletApplicationWithoutSpringSecurityConfigStarts() throws Exception {
		ClassLoader previous = Thread.currentThread().getContextClassLoader();
		try (URLClassLoader withoutConfig = new URLClassLoader(classPathWithout(SECURITY_CONFIG_JAR),
				ClassLoader.getPlatformClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> withoutConfig.loadClass("org.springframework.security.config.Customizer"));
			Thread.currentThread().setContextClassLoader(withoutConfig);
			@SuppressWarnings("unchecked")
			Callable<String> application = (Callable<String>) withoutConfig
				.loadClass(ServletApplication.class.getName())
				.getDeclaredConstructor()
				.newInstance();

			assertThat(application.call()).isEqualTo(ServletApplication.STARTED);
		}
		finally {
			Thread.currentThread().setContextClassLoader(previous);
		}
	}

	private static URL[] classPathWithout(String jar) throws MalformedURLException {
		List<URL> urls = new ArrayList<>();
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			if (!entry.isEmpty() && !new File(entry).getName().startsWith(jar)) {
				urls.add(new File(entry).toURI().toURL());
			}
		}
		return urls.toArray(URL[]::new);
	}

	/**
	 * Starts the auto-configuration in a servlet application, in whatever class loader
	 * loaded this class: {@link #STARTED}, or what stopped it.
	 */
	public static final class ServletApplication implements Callable<String> {

		static final String STARTED = "started with LagrelloOneTimeTokenService";

		@Override
		public String call() {
			AtomicReference<String> outcome = new AtomicReference<>();
			new WebApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(LagrelloSecurityAutoConfiguration.class))
				.withUserConfiguration(LagrelloSecurityAutoConfigurationTests.AuthClientConfiguration.class)
				.run((context) -> outcome
					.set((context.getStartupFailure() != null) ? failure(context.getStartupFailure())
							: (context.getBean(OneTimeTokenService.class) instanceof LagrelloOneTimeTokenService)
									? STARTED : "started without LagrelloOneTimeTokenService"));
			return outcome.get();
		}

		private static String failure(Throwable failure) {
			StringBuilder causes = new StringBuilder();
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				causes.append((causes.length() > 0) ? ", caused by " : "").append(cause);
			}
			return causes.toString();
		}

	}

}
