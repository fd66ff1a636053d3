package com.lagrello.autoconfigure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A self-signed certificate for {@code localhost}, {@code 127.0.0.1} and
 * {@link #PROXIED_HOST}, generated with the JDK's keytool for one test class: a PKCS12
 * key store for the server and the certificate in PEM for a trust store.
 *
 * @param keystore the server's key store, password {@link #PASSWORD}
 * @param certificate the certificate, to trust through an SSL bundle
 */
record LoopbackCertificate(Path keystore, Path certificate) {

	static final String PASSWORD = "changeit";

	/**
	 * A name that no resolver knows, which {@link LoopbackProxy} sends to loopback: an
	 * API that only a proxy can reach.
	 */
	static final String PROXIED_HOST = "lagrello.test";

	static LoopbackCertificate generate(Path directory) throws IOException, InterruptedException {
		Path keystore = directory.resolve("server.p12");
		Path certificate = directory.resolve("server.pem");
		keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=localhost", "-ext", "SAN=dns:localhost,dns:" + PROXIED_HOST + ",ip:127.0.0.1", "-keystore",
				keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
		keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storetype", "PKCS12",
				"-storepass", PASSWORD, "-file", certificate.toString());
		return new LoopbackCertificate(keystore, certificate);
	}

	/**
	 * Starts a WireMock server with this certificate on an https port (and a plain http
	 * one).
	 */
	WireMockServer startHttpsServer() {
		WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort()
			.dynamicHttpsPort()
			.keystorePath(this.keystore.toString())
			.keystoreType("PKCS12")
			.keystorePassword(PASSWORD)
			.keyManagerPassword(PASSWORD));
		server.start();
		return server;
	}

	private static void keytool(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException("keytool failed: " + output);
		}
	}

}
