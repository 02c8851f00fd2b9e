package org.bangfu.fund;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.bangfu.shared.BadInputException;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.PhotoProcessing;
import org.bangfu.shared.TooLargeException;
import org.bangfu.shared.UnsupportedFormatException;
import org.springframework.stereotype.Component;

/**
 * The proof of a payment (the bank's receipt): a photo or scan (JPEG or PNG, re-encoded from its pixels by
 * {@link PhotoProcessing} as receipt photos are, so no EXIF survives) or a PDF as the bank issued it. The type is told by
 * the leading bytes, never the name; at most 10 MB. Kept under {@code <data-dir>/uploads/fund-proofs/}, shown only to
 * fund staff.
 */
@Component
public class PaymentProofs {

	static final long MAX_BYTES = PhotoProcessing.MAX_BYTES;

	private final Path dir;

	PaymentProofs(BangfuProperties properties) {
		this.dir = properties.dataDir().resolve("uploads").resolve("fund-proofs");
	}

	/** A checked proof, ready to be written once the payment is saved. */
	record Proof(byte[] bytes, String extension) {

		String fileName(long paymentId) {
			return paymentId + "." + extension;
		}
	}

	Proof read(InputStream in) {
		if (in == null) {
			throw new BadInputException("fund.payment.proof-required");
		}
		byte[] bytes;
		try {
			bytes = in.readNBytes(Math.toIntExact(MAX_BYTES + 1));
		}
		catch (IOException e) {
			throw new BadInputException("fund.payment.proof-unreadable");
		}
		if (bytes.length > MAX_BYTES) {
			throw new TooLargeException("fund.payment.proof-too-large", MAX_BYTES / (1024 * 1024));
		}
		if (bytes.length == 0) {
			throw new BadInputException("fund.payment.proof-required");
		}
		if (bytes.length >= 5 && new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
			return new Proof(bytes, "pdf");
		}
		try {
			return new Proof(PhotoProcessing.process(new java.io.ByteArrayInputStream(bytes)).display(), "jpg");
		}
		catch (UnsupportedFormatException e) {
			throw new UnsupportedFormatException("fund.payment.proof-format");
		}
	}

	void write(String fileName, Proof proof) {
		try {
			Files.createDirectories(dir);
			Files.write(dir.resolve(fileName), proof.bytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The stored proof file of a payment (for the staff page). */
	public Path file(String fileName) {
		return dir.resolve(fileName);
	}
}
