package com.lagrello.autoconfigure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

/**
 * A small HTTP proxy for tests, on loopback unless told otherwise: {@code CONNECT}
 * tunnels (for https, and reactor-netty's http) and absolute-form forwards (the JDK
 * client's http), optionally demanding Basic credentials. It records each request line
 * and {@code Proxy-Authorization} header it receives.
 */
final class LoopbackProxy implements AutoCloseable {

	private final ServerSocket server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final @Nullable String requiredAuthorization;

	private final List<String> requestLines = new CopyOnWriteArrayList<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	/**
	 * Starts a proxy.
	 * @param requiredAuthorization the {@code Proxy-Authorization} value it demands
	 * (answering 407 otherwise), or {@code null} for none
	 */
	LoopbackProxy(@Nullable String requiredAuthorization) throws IOException {
		this(InetAddress.getLoopbackAddress(), requiredAuthorization);
	}

	/**
	 * Starts a proxy on the given address, loopback or not.
	 */
	LoopbackProxy(InetAddress address, @Nullable String requiredAuthorization) throws IOException {
		this.requiredAuthorization = requiredAuthorization;
		this.server = new ServerSocket(0, 50, address);
		this.threads.execute(this::accept);
	}

	int port() {
		return this.server.getLocalPort();
	}

	List<String> requestLines() {
		return List.copyOf(this.requestLines);
	}

	List<String> authorizations() {
		return List.copyOf(this.authorizations);
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.threads.execute(() -> serve(client));
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	private void serve(Socket client) {
		try (client) {
			InputStream in = client.getInputStream();
			OutputStream out = client.getOutputStream();
			List<String> head = readHead(in);
			if (head.isEmpty()) {
				return;
			}
			String requestLine = head.get(0);
			this.requestLines.add(requestLine);
			String authorization = header(head, "proxy-authorization");
			if (authorization != null) {
				this.authorizations.add(authorization);
			}
			if (this.requiredAuthorization != null && !this.requiredAuthorization.equals(authorization)) {
				out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
						+ "Content-Length: 0\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				return;
			}
			String[] parts = requestLine.split(" ");
			if (parts[0].equals("CONNECT")) {
				String[] target = parts[1].split(":");
				try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(target[1]))) {
					out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					out.flush();
					pipe(client, upstream);
				}
			}
			else {
				URI target = URI.create(parts[1]);
				try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target.getPort())) {
					StringBuilder forwarded = new StringBuilder(parts[0] + " " + target.getRawPath()
							+ ((target.getRawQuery() != null) ? "?" + target.getRawQuery() : "") + " " + parts[2]
							+ "\r\n");
					// one request per connection, so that each is seen here, as a proxy
					// that parses every request of a kept-alive connection would
					head.stream()
						.skip(1)
						.filter((line) -> !line.toLowerCase(Locale.ROOT).startsWith("proxy-")
								&& !line.toLowerCase(Locale.ROOT).startsWith("connection:"))
						.forEach((line) -> forwarded.append(line).append("\r\n"));
					forwarded.append("Connection: close\r\n");
					upstream.getOutputStream()
						.write(forwarded.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
					pipe(client, upstream);
				}
			}
		}
		catch (IOException ex) {
			// the client or the upstream went away: the test sees it on its side
		}
	}

	/**
	 * Copies bytes both ways until either side closes.
	 */
	private void pipe(Socket client, Socket upstream) throws IOException {
		this.threads.execute(() -> {
			try {
				client.getInputStream().transferTo(upstream.getOutputStream());
				upstream.shutdownOutput();
			}
			catch (IOException ex) {
				// closed
			}
		});
		upstream.getInputStream().transferTo(client.getOutputStream());
	}

	/**
	 * Reads the request line and headers byte by byte, so that nothing of the body or the
	 * tunnel is consumed.
	 */
	private static List<String> readHead(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int previous3 = -1;
		int previous2 = -1;
		int previous1 = -1;
		int current;
		while ((current = in.read()) != -1) {
			bytes.write(current);
			if (previous3 == '\r' && previous2 == '\n' && previous1 == '\r' && current == '\n') {
				break;
			}
			previous3 = previous2;
			previous2 = previous1;
			previous1 = current;
		}
		String head = bytes.toString(StandardCharsets.ISO_8859_1).strip();
		return head.isEmpty() ? List.of() : List.of(head.split("\r\n"));
	}

	private static @Nullable String header(List<String> head, String name) {
		return head.stream()
			.skip(1)
			.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
			.map((line) -> line.substring(name.length() + 1).strip())
			.findFirst()
			.orElse(null);
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		this.threads.shutdownNow();
	}

}
