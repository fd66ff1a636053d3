package com.lagrello.client;

import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
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
	void everyModelOfAClientSignatureIsReflectivelyBindable() {
		RuntimeHints hints = new RuntimeHints();
		new LagrelloRuntimeHints().registerHints(hints, getClass().getClassLoader());

		Set<Class<?>> models = modelsOfTheClientSignatures();
		assertThat(models).contains(Token.class, User.class, Tenant.class, CompanyInfo.class, Permission.class);
		List<String> unreachable = new ArrayList<>();
		for (Class<?> model : models) {
			if (!RuntimeHintsPredicates.reflection().onType(model).test(hints)) {
				unreachable.add(model.getName());
			}
			for (Method method : jsonMethodsOf(model)) {
				if (!RuntimeHintsPredicates.reflection().onMethodInvocation(method).test(hints)) {
					unreachable.add(method.toString());
				}
			}
			if (model.isRecord() && jsonValueOf(model) == null) {
				Constructor<?> canonical = canonicalConstructorOf(model);
				if (!RuntimeHintsPredicates.reflection().onConstructorInvocation(canonical).test(hints)) {
					unreachable.add(canonical.toString());
				}
			}
		}
		assertThat(unreachable).isEmpty();
	}

	/**
	 * The models a client reads or writes: the types of this package in the signatures of
	 * the client interfaces reached from {@link LagrelloClient} and {@link TokensClient},
	 * and the types of their record components, that Jackson binds (records, and types
	 * with a {@code @JsonValue} or {@code @JsonCreator}). A type written through one
	 * {@code @JsonValue} method is written through it alone, so its components are not
	 * followed.
	 */
	private static Set<Class<?>> modelsOfTheClientSignatures() {
		Set<Class<?>> models = new LinkedHashSet<>();
		Set<Class<?>> seen = new LinkedHashSet<>();
		Deque<Type> pending = new ArrayDeque<>(Arrays.asList(LagrelloClient.class, TokensClient.class));
		while (!pending.isEmpty()) {
			Type type = pending.pop();
			if (type instanceof ParameterizedType parameterized) {
				pending.push(parameterized.getRawType());
				pending.addAll(Arrays.asList(parameterized.getActualTypeArguments()));
			}
			else if (type instanceof WildcardType wildcard) {
				pending.addAll(Arrays.asList(wildcard.getUpperBounds()));
				pending.addAll(Arrays.asList(wildcard.getLowerBounds()));
			}
			else if (type instanceof GenericArrayType array) {
				pending.push(array.getGenericComponentType());
			}
			else if (type instanceof Class<?> clazz && isOfThisPackage(clazz) && seen.add(clazz)) {
				if (clazz.isInterface()) {
					for (Method method : clazz.getMethods()) {
						pending.push(method.getGenericReturnType());
						pending.addAll(Arrays.asList(method.getGenericParameterTypes()));
					}
				}
				else if (clazz.isRecord() || !jsonMethodsOf(clazz).isEmpty()) {
					models.add(clazz);
					if (clazz.isRecord() && jsonValueOf(clazz) == null) {
						for (RecordComponent component : clazz.getRecordComponents()) {
							pending.push(component.getGenericType());
						}
					}
				}
			}
		}
		return models;
	}

	private static boolean isOfThisPackage(Class<?> type) {
		return type.getPackageName().equals(LagrelloClient.class.getPackageName());
	}

	/**
	 * The methods Jackson calls on a model: its record accessors (unless it is written
	 * through a {@code @JsonValue}), its {@code @JsonValue} and its {@code @JsonCreator}
	 * methods.
	 */
	private static Set<Method> jsonMethodsOf(Class<?> model) {
		Set<Method> methods = new LinkedHashSet<>();
		Method jsonValue = jsonValueOf(model);
		if (jsonValue != null) {
			methods.add(jsonValue);
		}
		else if (model.isRecord()) {
			for (RecordComponent component : model.getRecordComponents()) {
				methods.add(component.getAccessor());
			}
		}
		for (Method method : model.getDeclaredMethods()) {
			if (method.isAnnotationPresent(JsonCreator.class) && Modifier.isStatic(method.getModifiers())) {
				methods.add(method);
			}
		}
		return methods;
	}

	private static Method jsonValueOf(Class<?> model) {
		return Arrays.stream(model.getMethods())
			.filter((method) -> method.isAnnotationPresent(JsonValue.class))
			.findFirst()
			.orElse(null);
	}

	private static Constructor<?> canonicalConstructorOf(Class<?> record) {
		Class<?>[] components = Arrays.stream(record.getRecordComponents())
			.map(RecordComponent::getType)
			.toArray(Class<?>[]::new);
		try {
			return record.getDeclaredConstructor(components);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(record + " has no canonical constructor", ex);
		}
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
