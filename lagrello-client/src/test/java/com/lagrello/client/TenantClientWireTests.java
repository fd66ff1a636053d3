package com.lagrello.client;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@link TenantClient} on the wire: its requests, bodies and headers, and what each
 * status means; an invalid callback URL is refused with nothing sent.
 */
class TenantClientWireTests {

	private static final String TENANT = "{\"tenantId\":\"t-1\",\"tenantName\":\"Acme\","
			+ "\"callbackUrl\":\"https://app.example.com/login/ott?token={}\",\"activated\":true,"
			+ "\"companyInfo\":{\"Name\":\"Acme AB\",\"Address\":\"Street 1\",\"City\":\"Lund\","
			+ "\"PostalCode\":\"22100\",\"Country\":\"SE\",\"OrgNumber\":\"556000-0000\","
			+ "\"VATNumber\":\"SE556000000001\"},\"unknown\":true}";

	@RegisterExtension
	static WireMockExtension api = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@RegisterExtension
	static final ClientsToClose clients = new ClientsToClose();

	private static TenantClient tenant() {
		return clients.add(TestClients.lagrello(api).build()).tenant();
	}

	private static void answer(int status, String json) {
		api.stubFor(any(anyUrl())
			.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json)));
	}

	private static LoggedRequest theOneRequest() {
		List<LoggedRequest> requests = api.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		LoggedRequest request = requests.get(0);
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TestClients.ACCESS_TOKEN);
		assertThat(request.getHeader("Accept")).isEqualTo("application/json");
		return request;
	}

	@Test
	void getFetchesTheTenant() {
		answer(200, TENANT);

		Tenant tenant = tenant().get().block(Duration.ofSeconds(10));

		assertThat(tenant.tenantId()).isEqualTo("t-1");
		assertThat(tenant.tenantName()).isEqualTo("Acme");
		assertThat(tenant.callbackUrl()).isEqualTo("https://app.example.com/login/ott?token={}");
		assertThat(tenant.activated()).isTrue();
		assertThat(tenant.companyInfo().vatNumber()).isEqualTo("SE556000000001");
		LoggedRequest request = theOneRequest();
		assertThat(request.getMethod().getName()).isEqualTo("GET");
		assertThat(request.getUrl()).isEqualTo("/v1/tenant");
	}

	@Test
	void updatePatchesTheCallbackUrl() {
		answer(200, TENANT);

		tenant().update(UpdateTenantRequest.of("https://app.example.com/login/ott?token={}"))
			.block(Duration.ofSeconds(10));

		LoggedRequest request = theOneRequest();
		assertThat(request.getMethod().getName()).isEqualTo("PATCH");
		assertThat(request.getUrl()).isEqualTo("/v1/tenant");
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
		assertThat(equalToJson("{\"callbackUrl\":\"https://app.example.com/login/ott?token={}\"}")
			.match(request.getBodyAsString())
			.isExactMatch()).as(request.getBodyAsString()).isTrue();
	}

	@Test
	void aRefusedAccessTokenIsALagrelloApiExceptionOf403() {
		answer(403, ApiExamples.FORBIDDEN);

		LagrelloApiException failure = catchThrowableOfType(LagrelloApiException.class,
				() -> tenant().get().block(Duration.ofSeconds(10)));

		assertThat(failure.statusCode()).isEqualTo(403);
	}

	@Test
	void aNullRequestIsRefusedWithNothingSent() {
		LagrelloInvalidArgumentException refused = catchThrowableOfType(LagrelloInvalidArgumentException.class,
				() -> tenant().update(null).block(Duration.ofSeconds(10)));

		assertThat(refused.argument()).isEqualTo("request");
		assertThat(api.getAllServeEvents()).isEmpty();
	}

}
