package com.lagrello.client;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The models' own promises.
 */
class ModelTests {

	@Test
	void tokenToStringMasksTheTokenKey() {
		Token token = new Token("13777603-bdf9-48f7-a493-3b4a94e8be02", "ci", "admin", Instant.EPOCH,
				List.of(Permission.READ));

		assertThat(token.toString()).doesNotContain("13777603-bdf9-48f7-a493").contains("be02", "ci");
	}

	@Test
	void unknownPermissionKeepsItsValueAndEqualsItself() {
		Permission audit = Permission.of("AUDIT");

		assertThat(audit.value()).isEqualTo("AUDIT");
		assertThat(audit).isEqualTo(Permission.valueOf("AUDIT")).isNotEqualTo(Permission.READ);
		assertThat(audit.isKnown()).isFalse();
	}

	@Test
	void aCreateRequestTakesAnImmutableListOfPermissions() {
		assertThat(new CreateTokenRequest("ci", List.of()).permissions()).isEmpty();
		assertThat(new CreateTokenRequest("ci", List.of(Permission.WRITE)).permissions())
			.containsExactly(Permission.WRITE);
	}

	@Test
	void aCreateRequestRefusesANullPermission() {
		assertThatExceptionOfType(LagrelloInvalidArgumentException.class)
			.isThrownBy(() -> new CreateTokenRequest("ci", java.util.Arrays.asList(Permission.READ, null)));
	}

	@Test
	void knownPermissionResolvesToItsConstant() {
		assertThat(Permission.of("ADMIN")).isSameAs(Permission.ADMIN);
		assertThat(Permission.values()).containsExactly(Permission.READ, Permission.WRITE, Permission.ADMIN);
	}

	@Test
	void tokenListWithoutPagingHasNoNextPage() {
		TokenList page = new TokenList(null, null);

		assertThat(page.data()).isEmpty();
		assertThat(page.paging().hasNext()).isFalse();
	}

}
