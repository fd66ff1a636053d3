package com.lagrello.benchmarks;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Reads the heap's peak use, the collections and the allocations since a mark, from the
 * platform MXBeans. The peak is the sum of every heap pool's own peak: pools peak at
 * different moments, so it is an upper bound of the heap in use at any one time.
 */
public final class HeapProbe {

	private long collectionsAtMark;

	private long allocatedAtMark;

	/**
	 * Forgets the peaks so far and marks the collection count.
	 */
	public void mark() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				pool.resetPeakUsage();
			}
		}
		this.collectionsAtMark = collections();
		this.allocatedAtMark = allocated();
	}

	/**
	 * Returns the bytes that all threads of this JVM allocated since the mark, threads
	 * that ended meanwhile excepted.
	 * @return bytes, or -1 if the JVM does not tell
	 */
	public long allocatedSinceMark() {
		long allocated = allocated();
		return (allocated < 0 || this.allocatedAtMark < 0) ? -1 : allocated - this.allocatedAtMark;
	}

	private static long allocated() {
		if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
				&& threads.isThreadAllocatedMemoryEnabled()) {
			long total = 0;
			for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
				total += Math.max(0, bytes);
			}
			return total;
		}
		return -1;
	}

	/**
	 * Returns the peak heap use since the mark.
	 * @return bytes
	 */
	public long peakUsed() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

	/**
	 * Returns the garbage collections since the mark.
	 * @return the count
	 */
	public long collectionsSinceMark() {
		return collections() - this.collectionsAtMark;
	}

	private static long collections() {
		long count = 0;
		for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
			count += Math.max(0, collector.getCollectionCount());
		}
		return count;
	}

}
