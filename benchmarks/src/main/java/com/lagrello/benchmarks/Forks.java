package com.lagrello.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class of this module in a fresh JVM on the same class path.
 */
public final class Forks {

	private Forks() {
	}

	/**
	 * Runs the main class and waits for it.
	 * @param jvmOptions options for the JVM, such as {@code -Xmx64m}
	 * @param mainClass the class to run
	 * @param timeout how long to wait before killing it
	 * @param arguments its arguments
	 * @return its exit code, output and wall time
	 */
	public static Fork run(List<String> jvmOptions, Class<?> mainClass, Duration timeout, String... arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(mainClass.getName());
		command.addAll(Arrays.asList(arguments));
		long start = System.nanoTime();
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getOutputStream().close();
			byte[][] output = new byte[1][];
			Thread reader = new Thread(() -> {
				try (InputStream in = process.getInputStream()) {
					output[0] = in.readAllBytes();
				}
				catch (IOException ex) {
					output[0] = ex.toString().getBytes(StandardCharsets.UTF_8);
				}
			}, "fork-output");
			reader.start();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				process.waitFor();
			}
			long elapsed = System.nanoTime() - start;
			reader.join();
			String text = new String((output[0] != null) ? output[0] : new byte[0], StandardCharsets.UTF_8);
			return new Fork(process.exitValue(), text, elapsed);
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not start " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What a forked JVM did.
	 *
	 * @param exitCode its exit code
	 * @param output what it printed, standard error included
	 * @param nanos from starting it to its exit
	 */
	public record Fork(int exitCode, String output, long nanos) {

		/**
		 * Returns the lines that start with the given prefix, without it.
		 * @param prefix the prefix
		 * @return the matching lines
		 */
		public List<String> lines(String prefix) {
			return output().lines()
				.filter((line) -> line.startsWith(prefix))
				.map((line) -> line.substring(prefix.length()).trim())
				.toList();
		}

	}

}
