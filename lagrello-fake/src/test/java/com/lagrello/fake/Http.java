package com.lagrello.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The JDK's HTTP client, for the fake's own tests: a client with no knowledge of
 * Lagrello.
 */
final class Http {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final URI baseUrl;

	Http(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	HttpResponse<String> get(String target, @Nullable String accessToken) {
		return send("GET", target, accessToken, null);
	}

	HttpResponse<String> send(String method, String target, @Nullable String accessToken, @Nullable String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.baseUrl.resolve(target))
			.timeout(Duration.ofSeconds(10))
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (accessToken != null) {
			request.header("Authorization", "Bearer " + accessToken);
		}
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	HttpResponse<byte[]> getBytes(URI url) {
		try {
			return this.client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	java.util.concurrent.CompletableFuture<HttpResponse<String>> getAsync(String target) {
		return this.client.sendAsync(HttpRequest.newBuilder(this.baseUrl.resolve(target)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
