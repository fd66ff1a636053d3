package com.lagrello.sample.login.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class, driven through Debian's {@code chromedriver},
 * with a fresh profile ({@code --user-data-dir}) under {@code target/chromium/}, and
 * cookies cleared before each test, so that no test signs in for another. Screenshots go
 * to {@code target/screenshots/<test class>/<test method>.png}.
 * <p>
 * Selenium Manager never runs: the browser and the driver are given
 * ({@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, or {@code CHROME_BIN} and
 * {@code CHROMEDRIVER}), so nothing is downloaded.
 */
public final class Chromium implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

	/** How long a wait for a page or an element lasts before the test fails. */
	public static final Duration DEADLINE = Duration.ofSeconds(20);

	private static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");

	private @Nullable ChromeDriver driver;

	private @Nullable String testClass;

	private @Nullable String testMethod;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		this.testClass = context.getRequiredTestClass().getSimpleName();
		Path profile = Files.createDirectories(TARGET.resolve("chromium"))
			.resolve(this.testClass + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(executable("CHROME_BIN", "/usr/bin/chromium"));
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu",
				"--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1024", "--disable-dev-shm-usage",
				"--no-first-run", "--disable-extensions");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(executable("CHROMEDRIVER", "/usr/bin/chromedriver")))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.driver.manage().timeouts().pageLoadTimeout(DEADLINE);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.testMethod = context.getRequiredTestMethod().getName();
		driver().manage().deleteAllCookies();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
	}

	/**
	 * Returns the browser.
	 * @return the driver of this class's Chromium
	 */
	public WebDriver driver() {
		return Objects.requireNonNull(this.driver, "Chromium is not started");
	}

	/**
	 * Returns a wait that fails the test after {@link #DEADLINE}.
	 * @return a new wait
	 */
	public WebDriverWait waitUpTo() {
		return new WebDriverWait(driver(), DEADLINE);
	}

	/**
	 * Saves what the browser shows as
	 * {@code target/screenshots/<test class>/<test method>.png}.
	 * @return the file written
	 */
	public Path screenshot() {
		File shot = Objects.requireNonNull(this.driver, "Chromium is not started").getScreenshotAs(OutputType.FILE);
		try {
			Path directory = Files.createDirectories(TARGET.resolve("screenshots").resolve(this.testClass));
			return Files.move(shot.toPath(), directory.resolve(this.testMethod + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String executable(String environmentVariable, String fallback) {
		String configured = System.getenv(environmentVariable);
		String path = (configured != null && !configured.isBlank()) ? configured : fallback;
		if (!Files.isExecutable(Path.of(path))) {
			throw new IllegalStateException(path + " is not there: the browser tests (-Pbrowser) need Debian's chromium"
					+ " and chromium-driver (apt-get install chromium chromium-driver), or " + environmentVariable);
		}
		return path;
	}

}
