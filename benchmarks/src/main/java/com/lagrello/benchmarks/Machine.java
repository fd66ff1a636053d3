package com.lagrello.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What the benchmarks ran on: cores, CPU model, memory, load, and the JVM.
 */
public final class Machine {

	private Machine() {
	}

	/**
	 * Returns the processors the JVM sees, as {@code nproc} does.
	 * @return the processor count
	 */
	public static int processors() {
		return Runtime.getRuntime().availableProcessors();
	}

	/**
	 * Returns the CPU model from {@code /proc/cpuinfo}.
	 * @return the model name, or "unknown"
	 */
	public static String cpuModel() {
		return procLine("/proc/cpuinfo", "model name").map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.orElse("unknown");
	}

	/**
	 * Returns the memory from {@code /proc/meminfo}.
	 * @return such as "23.4 GiB", or "unknown"
	 */
	public static String memory() {
		return procLine("/proc/meminfo", "MemTotal").map((line) -> {
			long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
			return String.format(Locale.ROOT, "%.1f GiB", kib / 1048576.0);
		}).orElse("unknown");
	}

	/**
	 * Returns the load averages from {@code /proc/loadavg}.
	 * @return the 1, 5 and 15 minute load averages, or "unknown"
	 */
	public static String loadAverage() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	/**
	 * Returns what {@code java -version} prints for the JVM running this.
	 * @return the version text
	 */
	public static String javaVersion() {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		try {
			Process process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
			String text;
			try (InputStream in = process.getInputStream()) {
				text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
			}
			process.waitFor(30, TimeUnit.SECONDS);
			return text;
		}
		catch (IOException ex) {
			return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return System.getProperty("java.runtime.version");
		}
	}

	private static Optional<String> procLine(String file, String key) {
		try {
			List<String> lines = Files.readAllLines(Path.of(file));
			return lines.stream().filter((line) -> line.startsWith(key)).findFirst();
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

}
