package com.lagrello.benchmarks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Counts the voluntary context switches of this JVM's threads whose names start with a
 * prefix, from {@code /proc/self/task} (Linux only). A thread that parks and is woken
 * again counts one: for Reactor's {@code parallel-N} threads, that is one wake-up.
 */
public final class ThreadSwitches {

	private static final Path TASKS = Path.of("/proc/self/task");

	private ThreadSwitches() {
	}

	/**
	 * Returns the voluntary context switches of the matching threads so far.
	 * @param prefix the start of the threads' names, such as {@code "parallel"}
	 * @return the count, or -1 where {@code /proc} cannot tell
	 */
	public static long voluntary(String prefix) {
		if (!Files.isDirectory(TASKS)) {
			return -1;
		}
		long switches = 0;
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
			for (Path task : tasks) {
				try {
					if (!Files.readString(task.resolve("comm")).startsWith(prefix)) {
						continue;
					}
					for (String line : Files.readAllLines(task.resolve("status"))) {
						if (line.startsWith("voluntary_ctxt_switches:")) {
							switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
						}
					}
				}
				catch (IOException ex) {
					// the thread ended meanwhile
				}
			}
		}
		catch (IOException ex) {
			return -1;
		}
		return switches;
	}

}
