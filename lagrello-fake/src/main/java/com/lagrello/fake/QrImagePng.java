package com.lagrello.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * The picture the fake serves for every TOTP secret's {@code qrImage} link: a valid PNG
 * that looks like a QR code (its three finder squares, timing lines and a fixed pattern
 * of modules) but encodes nothing, so that a page showing the link shows an image, and no
 * image gives a secret away. A test that needs a code asks the fake for it
 * ({@code totpCode}) or computes it from the secret key. Drawn once, without
 * {@code java.desktop}: an 8-bit greyscale PNG written by hand (signature, {@code IHDR},
 * one {@code IDAT} deflated with {@code java.util.zip}, {@code IEND}).
 */
final class QrImagePng {

	/** The media type of {@link #BYTES}. */
	static final String CONTENT_TYPE = "image/png";

	// a version-1 QR code's 21 x 21 modules, 4 modules of quiet zone, 6 pixels a module
	private static final int MODULES = 21;

	private static final int QUIET_ZONE = 4;

	private static final int PIXELS_PER_MODULE = 6;

	private static final int SIZE = (MODULES + 2 * QUIET_ZONE) * PIXELS_PER_MODULE;

	private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte BLACK = 0;

	private static final byte WHITE = (byte) 0xFF;

	/** The PNG, the same for every link. */
	private static final byte[] BYTES = draw();

	private QrImagePng() {
	}

	/**
	 * Returns the PNG.
	 * @return a copy of its bytes
	 */
	static byte[] bytes() {
		return BYTES.clone();
	}

	private static byte[] draw() {
		// each row: filter type 0 (none), then one byte a pixel
		byte[] rows = new byte[SIZE * (SIZE + 1)];
		for (int y = 0; y < SIZE; y++) {
			int row = y * (SIZE + 1);
			for (int x = 0; x < SIZE; x++) {
				rows[row + 1 + x] = dark(x / PIXELS_PER_MODULE - QUIET_ZONE, y / PIXELS_PER_MODULE - QUIET_ZONE) ? BLACK
						: WHITE;
			}
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		png.writeBytes(SIGNATURE);
		png.writeBytes(chunk("IHDR", ByteBuffer.allocate(13)
			.putInt(SIZE)
			.putInt(SIZE)
			.put((byte) 8) // bit depth
			.put((byte) 0) // greyscale
			.put((byte) 0) // deflate
			.put((byte) 0) // adaptive filtering
			.put((byte) 0) // no interlace
			.array()));
		png.writeBytes(chunk("IDAT", deflate(rows)));
		png.writeBytes(chunk("IEND", new byte[0]));
		return png.toByteArray();
	}

	private static boolean dark(int column, int row) {
		if (column < 0 || row < 0 || column >= MODULES || row >= MODULES) {
			return false;
		}
		int finderSize = 7;
		int far = MODULES - finderSize;
		if (column < finderSize && row < finderSize) {
			return finder(column, row);
		}
		if (column >= far && row < finderSize) {
			return finder(column - far, row);
		}
		if (column < finderSize && row >= far) {
			return finder(column, row - far);
		}
		if (column < finderSize + 1 && row < finderSize + 1 || column >= far - 1 && row < finderSize + 1
				|| column < finderSize + 1 && row >= far - 1) {
			return false; // the separators around the finders
		}
		if (row == 6 || column == 6) {
			return (row + column) % 2 == 0; // the timing lines
		}
		// a fixed scatter of modules, the same for every image
		return ((column * 7 + row * 13 + column * row) % 5) < 2;
	}

	private static boolean finder(int column, int row) {
		int ring = Math.min(Math.min(column, row), Math.min(6 - column, 6 - row));
		return ring != 1;
	}

	private static byte[] deflate(byte[] data) {
		ByteArrayOutputStream deflated = new ByteArrayOutputStream();
		try (DeflaterOutputStream out = new DeflaterOutputStream(deflated)) {
			out.write(data);
		}
		catch (IOException ex) {
			throw new IllegalStateException("A ByteArrayOutputStream does not fail", ex);
		}
		return deflated.toByteArray();
	}

	private static byte[] chunk(String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		return ByteBuffer.allocate(12 + data.length)
			.putInt(data.length)
			.put(typeBytes)
			.put(data)
			.putInt((int) crc.getValue())
			.array();
	}

}
