package com.lagrello.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the Lagrello client of a Spring Boot test at a {@link FakeLagrelloServer}, so
 * that neither {@code lagrello.base-url} nor {@code lagrello.access-token} is needed:
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureFakeLagrello
 * class MyTests {
 *
 *     &#64;Autowired TokensClient tokens;          // talks to the fake
 *
 *     &#64;Autowired FakeLagrelloServer lagrello;  // to seed tokens and inspect requests
 *
 * }
 * </pre> Each application context gets its own server, started with the context and
 * stopped when it closes, and a {@link FakeLagrelloConnectionDetails} bean (primary) that
 * the auto-configured client uses in place of the {@code lagrello.*} connection
 * properties. Spring caches contexts across test methods and classes, so the server is
 * reset before each test method, before its {@code @BeforeEach} methods (see
 * {@link #resetBeforeEachTest()}): every test starts from the initial tokens with no
 * recorded requests, whichever test ran before it. The faults a test planned with
 * {@link FakeLagrelloServer#failNext(int, FakeFault)} end with it. The retry budget
 * ({@code lagrello.retry.budget.enabled}) is off unless the test turns it on, so that one
 * test's outage cannot spend the next test's retries.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureFakeLagrello {

	/**
	 * How many tokens the fake holds besides its admin token.
	 * @return the number of generated tokens
	 */
	int seedTokens() default 0;

	/**
	 * Whether the server goes back to its initial tokens, forgets its users, TOTP
	 * secrets, magic links and tenant changes, and its recorded requests and planned
	 * faults ({@link FakeLagrelloServer#reset()}) before each test method of the
	 * annotated class. Turn it off to keep what the application or an earlier test left
	 * on the fake, for example tokens created while the context started or in a
	 * {@code @BeforeAll} method.
	 * @return {@code true} (the default) to reset before each test
	 */
	boolean resetBeforeEachTest() default true;

}
