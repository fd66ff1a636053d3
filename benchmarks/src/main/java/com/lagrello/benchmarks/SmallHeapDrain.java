package com.lagrello.benchmarks;

import java.net.URI;

/**
 * Run in a JVM of its own with a small heap ({@code -Xmx64m}): drains a running
 * {@link PageServer} with {@code listAll} and with the raw loop, alternately, and prints
 * a line per drain:
 * {@code DRAIN <contender> <nanos> <peak heap bytes> <collections> <allocated bytes>}.
 * The first drain of each runs in a cold JVM (class loading, interpreter, JIT). A heap
 * that does not bound the drain ends it with an {@link OutOfMemoryError} and a non-zero
 * exit code.
 * <p>
 * Arguments: the server's base URL, the page size, the tokens the server has, and how
 * many drains of each to run.
 */
public final class SmallHeapDrain {

	/** The prefix of the result lines. */
	public static final String PREFIX = "DRAIN ";

	private SmallHeapDrain() {
	}

	/**
	 * Runs the drains.
	 * @param args base URL, page size, token count, repetitions after the cold drains
	 */
	public static void main(String[] args) {
		URI baseUrl = URI.create(args[0]);
		int pageSize = Integer.parseInt(args[1]);
		long tokens = Long.parseLong(args[2]);
		int repetitions = Integer.parseInt(args[3]);
		String firstPage = baseUrl + "/v1/tokens?size=" + pageSize;
		System.out.println("MAXHEAP " + Runtime.getRuntime().maxMemory());
		HeapProbe heap = new HeapProbe();
		try (Contenders contenders = new Contenders(baseUrl, PageServer.ACCESS_TOKEN)) {
			for (int i = 0; i < 2 * (repetitions + 1); i++) {
				// alternately, starting with listAll
				boolean listAll = (i % 2 == 0) == (i / 2 % 2 == 0);
				heap.mark();
				long nanos = listAll ? Drains.listAll(contenders.tokensClient(), pageSize, (token) -> {
				}, tokens) : Drains.rawLoop(contenders.raw(), firstPage, (token) -> {
				}, tokens);
				System.out.println(PREFIX + (listAll ? "listAll " : "raw ") + nanos + " " + heap.peakUsed() + " "
						+ heap.collectionsSinceMark() + " " + heap.allocatedSinceMark());
			}
		}
		System.exit(0);
	}

}
