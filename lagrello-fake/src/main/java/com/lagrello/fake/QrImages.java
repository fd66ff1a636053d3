package com.lagrello.fake;

import java.net.URI;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The QR images of TOTP secrets, served by the fake itself so that a {@code qrImage} link
 * works offline: {@code <base URL>/qr/<id>.png}, an absolute URI as the API's schema has
 * it, with an opaque id per secret, as a link must not give the secret away. The image
 * ({@link QrImagePng}) is the same placeholder for every secret. A browser fetches it as
 * an {@code <img>}, without the application's access token, so it needs none; a link
 * whose secret was replaced, disabled or forgotten is a {@code 404}.
 */
final class QrImages {

	/** The path the images are served under. */
	static final String PATH = "/qr/";

	private static final String EXTENSION = ".png";

	private final Supplier<URI> origin;

	private final TotpEnrolments totp;

	QrImages(Supplier<URI> origin, TotpEnrolments totp) {
		this.origin = origin;
		this.totp = totp;
	}

	/**
	 * Whether a path is a QR image's.
	 */
	static boolean serves(String path) {
		return path.startsWith(PATH);
	}

	/**
	 * Returns the link to the QR image of a newly enabled secret.
	 * @param enabled the secret and its image's id
	 * @return the absolute link, on the fake's own base URL
	 */
	String link(TotpEnrolments.Enabled enabled) {
		return this.origin.get().resolve(PATH + enabled.qrImageId() + EXTENSION).toString();
	}

	/**
	 * Answers {@code GET /qr/<id>.png}.
	 * @throws Refusal for anything refused
	 */
	Reply answer(ReceivedRequest request) {
		String method = request.method().toUpperCase(Locale.ROOT);
		if (!method.equals("GET")) {
			throw Refusal.methodNotAllowed(method, request.path(), "GET");
		}
		String name = request.path().substring(PATH.length());
		if (!name.endsWith(EXTENSION) || !this.totp.hasQrImage(name.substring(0, name.length() - EXTENSION.length()))) {
			throw LagrelloApi.noSuchResource(method, request.path());
		}
		return Reply.body(200, QrImagePng.CONTENT_TYPE, QrImagePng.bytes());
	}

}
