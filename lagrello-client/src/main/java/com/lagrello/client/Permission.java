package com.lagrello.client;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A permission of a Lagrello token: {@link #READ}, {@link #WRITE} or {@link #ADMIN}.
 * <p>
 * Not an enum on purpose: the API may grant permissions that this version of the client
 * does not know yet (say {@code "AUDIT"}). Such a value decodes to a {@code Permission}
 * of its own, compares by value and is sent back unchanged, instead of failing the whole
 * answer.
 */
public final class Permission {

	/** Read access to the tenant's resources. Every token has it. */
	public static final Permission READ = new Permission("READ");

	/** Create and update access. */
	public static final Permission WRITE = new Permission("WRITE");

	/** Administration, needed to create more tokens. */
	public static final Permission ADMIN = new Permission("ADMIN");

	private static final List<Permission> KNOWN = List.of(READ, WRITE, ADMIN);

	private final String value;

	private Permission(String value) {
		this.value = value;
	}

	/**
	 * Returns the permission with the given name, a known constant when there is one.
	 * @param value the name as the API spells it, for example {@code "READ"}
	 * @return the permission
	 * @throws LagrelloInvalidArgumentException if the value is blank
	 */
	@JsonCreator
	public static Permission of(String value) {
		if (value == null || value.isBlank()) {
			throw new LagrelloInvalidArgumentException("permission", "a permission must not be blank");
		}
		for (Permission known : KNOWN) {
			if (known.value.equals(value)) {
				return known;
			}
		}
		return new Permission(value);
	}

	/**
	 * Same as {@link #of(String)}, named as an enum's would be.
	 * @param value the name as the API spells it
	 * @return the permission
	 */
	public static Permission valueOf(String value) {
		return of(value);
	}

	/**
	 * Returns the permissions this version of the client knows.
	 * @return {@code READ}, {@code WRITE} and {@code ADMIN}
	 */
	public static List<Permission> values() {
		return KNOWN;
	}

	/**
	 * Returns the name as the API spells it.
	 * @return the name, for example {@code "READ"}
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * Returns the name as the API spells it, as an enum's {@code name()} would.
	 * @return the name
	 */
	public String name() {
		return this.value;
	}

	/**
	 * Whether this is one of the permissions this version of the client knows.
	 * @return {@code true} for {@code READ}, {@code WRITE} and {@code ADMIN}
	 */
	public boolean isKnown() {
		return KNOWN.contains(this);
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof Permission permission && this.value.equals(permission.value));
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(this.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
