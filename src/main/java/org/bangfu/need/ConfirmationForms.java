package org.bangfu.need;

import java.io.InputStream;
import java.nio.file.Path;

import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.PhotoProcessing;
import org.springframework.stereotype.Component;

/**
 * The FORM route's photos: the printed confirmation form, signed or thumb-printed by the household, photographed by
 * the officer. Checked and re-encoded exactly like a need's photos ({@link PhotoProcessing}: JPEG or PNG told by its
 * bytes, 10 MB at most, metadata dropped) and written the same way ({@link NeedPhotos#write}), under
 * {@code uploads/need-confirmations/<need>/<confirmation>.jpg}. Only staff in scope see them (the verifier).
 */
@Component
class ConfirmationForms {

	private final Path root;

	ConfirmationForms(BangfuProperties properties) {
		this.root = properties.dataDir().resolve("uploads").resolve("need-confirmations");
	}

	/** Checks the upload (400 not an image, 413 too large) before anything is recorded. */
	PhotoProcessing.Processed check(InputStream upload) {
		return PhotoProcessing.process(upload);
	}

	void store(long needId, long confirmationId, PhotoProcessing.Processed photo) {
		NeedPhotos.write(root.resolve(String.valueOf(needId)), confirmationId, photo);
	}

	Path file(long needId, long confirmationId, boolean thumbnail) {
		return root.resolve(String.valueOf(needId)).resolve(confirmationId + (thumbnail ? "-thumb.jpg" : ".jpg"));
	}
}
