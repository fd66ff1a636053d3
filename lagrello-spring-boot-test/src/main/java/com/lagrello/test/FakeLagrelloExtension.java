package com.lagrello.test;

import java.util.function.Supplier;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives plain JUnit tests a running {@link FakeLagrelloServer} as a parameter of test,
 * lifecycle methods and constructors: <pre class="code">
 * &#64;ExtendWith(FakeLagrelloExtension.class)
 * class MyTests {
 *
 *     &#64;Test
 *     void listsTokens(FakeLagrelloServer lagrello) {
 *         TokensClient tokens = lagrello.tokensClient();
 *         ...
 *     }
 *
 * }
 * </pre> or, to configure the server, {@code @RegisterExtension static final
 * FakeLagrelloExtension lagrello = new FakeLagrelloExtension(FakeLagrelloServer.builder().seedTokens(5));}.
 * <p>
 * The server is started once per test class (once per test when the extension is
 * registered on an instance field) and stopped after it. Each test starts from the
 * server's initial tokens with no recorded requests.
 */
public class FakeLagrelloExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(FakeLagrelloExtension.class);

	private final Supplier<FakeLagrelloServer> servers;

	/**
	 * Creates an extension whose server has an admin token and no other tokens.
	 */
	public FakeLagrelloExtension() {
		this(FakeLagrelloServer.builder());
	}

	/**
	 * Creates an extension whose server is built by the given builder.
	 * @param builder the configured builder
	 */
	public FakeLagrelloExtension(FakeLagrelloServer.Builder builder) {
		this.servers = builder::start;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		server(context);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		server(context).reset();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == FakeLagrelloServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return server(extensionContext);
	}

	/**
	 * Returns the server of the innermost context that has one, starting one in the given
	 * context otherwise. The store closes it (it is {@link AutoCloseable}) when that
	 * context ends.
	 */
	private FakeLagrelloServer server(ExtensionContext context) {
		return context.getStore(NAMESPACE).computeIfAbsent(this, (key) -> this.servers.get(), FakeLagrelloServer.class);
	}

}
