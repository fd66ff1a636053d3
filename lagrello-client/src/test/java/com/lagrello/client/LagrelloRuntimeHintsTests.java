package com.lagrello.client;

import com.lagrello.client.call.ApiError;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AOT hints cover what Jackson touches by reflection.
 */
class LagrelloRuntimeHintsTests {

	@Test
	void hintsAreRegisteredThroughAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(LagrelloRuntimeHints.class);
	}

	@Test
	void modelsAreReflectivelyReachableForJsonBinding() throws NoSuchMethodException {
		RuntimeHints hints = new RuntimeHints();
		new LagrelloRuntimeHints().registerHints(hints, getClass().getClassLoader());

		for (Class<?> model : new Class<?>[] { Token.class, TokenList.class, Paging.class, CreateTokenRequest.class,
				Permission.class, ApiError.class }) {
			assertThat(RuntimeHintsPredicates.reflection().onType(model)).accepts(hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Token.class.getMethod("tokenKey")))
			.accepts(hints);
		assertThat(
				RuntimeHintsPredicates.reflection().onMethodInvocation(Permission.class.getMethod("of", String.class)))
			.accepts(hints);
	}

	@Test
	void aDeleteAllResultIsReflectivelyWritableThroughItsSummary() throws NoSuchMethodException {
		RuntimeHints hints = new RuntimeHints();
		new LagrelloRuntimeHints().registerHints(hints, getClass().getClassLoader());

		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(DeleteAllResult.class.getMethod("summary")))
			.accepts(hints);
	}

	@Test
	void theCreatedAtDeserializerIsReflectivelyInstantiable() {
		RuntimeHints hints = new RuntimeHints();
		new LagrelloRuntimeHints().registerHints(hints, getClass().getClassLoader());

		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(CanonicalInstantDeserializer.class.getDeclaredConstructors()[0])).accepts(hints);
	}

}
