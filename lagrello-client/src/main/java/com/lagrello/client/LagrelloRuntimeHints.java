package com.lagrello.client;

import com.lagrello.client.call.ApiError;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Reflection hints for the JSON models, so that the client works in a GraalVM native
 * image and in AOT-processed applications. Registered through
 * {@code META-INF/spring/aot.factories}.
 */
class LagrelloRuntimeHints implements RuntimeHintsRegistrar {

	private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.bindings.registerReflectionHints(hints.reflection(), Token.class, TokenList.class, Paging.class,
				CreateTokenRequest.class, Permission.class, User.class, CreateUserRequest.class,
				UpdateUserRequest.class, TotpEnrollment.class, Tenant.class, CompanyInfo.class,
				UpdateTenantRequest.class, ApiError.class);
		// written by an application (a controller that returns it), through its summary
		hints.reflection().registerType(DeleteAllResult.class, MemberCategory.INVOKE_PUBLIC_METHODS);
	}

}
