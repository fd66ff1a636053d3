package com.lagrello.benchmarks;

import java.time.Duration;
import java.util.Locale;
import java.util.function.IntFunction;

import com.lagrello.client.TokenList;
import reactor.core.publisher.Mono;

/**
 * Runs one contender alone for a while, to profile it, for example with JFR:
 * <pre class="code">
 * java -XX:StartFlightRecording=filename=tokens.jfr,settings=profile \
 *     -cp benchmarks/target/benchmarks.jar com.lagrello.benchmarks.ProfileMain tokensClient 1 20
 * </pre> Arguments: {@code tokensClient}, {@code webClient}, {@code raw} (a
 * {@code listPage} closed loop at the given concurrency) or {@code listAll},
 * {@code rawLoop} (drains, concurrency ignored); the concurrency; the seconds to run
 * after a 5 second warm-up.
 */
public final class ProfileMain {

	private ProfileMain() {
	}

	/**
	 * Runs the contender.
	 * @param args contender, concurrency, seconds
	 */
	public static void main(String[] args) {
		String contender = args[0];
		int concurrency = Integer.parseInt(args[1]);
		Duration duration = Duration.ofSeconds(Long.parseLong(args[2]));
		try (PageServer server = PageServer.start(5_000, 20, Duration.ZERO);
				Contenders contenders = new Contenders(server.baseUrl(), PageServer.ACCESS_TOKEN)) {
			int size = server.pageSize();
			IntFunction<Mono<TokenList>> call = switch (contender) {
				case "tokensClient" -> (page) -> contenders.tokensClient().listPage(page, size);
				case "webClient" -> (page) -> contenders.webClientPage(page, size);
				case "raw" -> (page) -> contenders.raw().listPage(page, size);
				default -> null;
			};
			if (call != null) {
				ClosedLoop.run(call, concurrency, Duration.ofSeconds(5), server.pageCount(), size);
				ClosedLoop.Outcome outcome = ClosedLoop.run(call, concurrency, duration, server.pageCount(), size);
				System.out.println(
						String.format(Locale.ROOT, "%s c=%d: %.0f req/s", contender, concurrency, outcome.perSecond()));
			}
			else {
				long end = System.nanoTime() + Duration.ofSeconds(5).plus(duration).toNanos();
				int drains = 0;
				long nanos = 0;
				while (System.nanoTime() < end) {
					nanos += contender.equals("listAll") ? Drains.listAll(contenders.tokensClient(), size, (token) -> {
					}, server.tokenCount()) : Drains.rawLoop(contenders.raw(), server.firstPageUrl(), (token) -> {
					}, server.tokenCount());
					drains++;
				}
				System.out.println(String.format(Locale.ROOT, "%s: %d drains, %.0f ms each", contender, drains,
						nanos / 1e6 / drains));
			}
		}
		System.exit(0);
	}

}
