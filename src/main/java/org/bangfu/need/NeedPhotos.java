package org.bangfu.need;

import org.bangfu.shared.ConflictException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.household.Consents;
import org.bangfu.shared.PhotoProcessing;
import org.bangfu.shared.PhotoRenditions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A need's photos: at most six, checked by their bytes, re-encoded without their metadata (EXIF
 * location included) into a display size and a thumbnail under the data directory, plus the
 * renditions pages show ({@link PhotoRenditions}). The public sees
 * them only while the need is public and, for a household's need, the household consents to
 * publishing photos.
 */
@Component
public class NeedPhotos {

	public static final int MAX_PHOTOS = 6;

	private final JdbcClient jdbc;

	private final Consents consents;

	private final Path root;

	private final Clock clock;

	public NeedPhotos(JdbcClient jdbc, Consents consents, BangfuProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.consents = consents;
		this.root = properties.dataDir().resolve("uploads").resolve("needs");
		this.clock = clock;
	}

	public record Photo(long id, int width, int height) {
	}

	int count(long needId) {
		return jdbc.sql("SELECT count(*) FROM need_photo WHERE need_id = ?").param(needId).query(Integer.class).single();
	}

	List<Photo> of(long needId) {
		return jdbc.sql("SELECT id, width, height FROM need_photo WHERE need_id = ? ORDER BY id")
			.param(needId)
			.query((rs, n) -> new Photo(rs.getLong("id"), rs.getInt("width"), rs.getInt("height")))
			.list();
	}

	/** Whether the public may see the need's photos. */
	boolean publishable(Need need) {
		return NeedState.PUBLIC.contains(need.state()) && (need.householdId() == null || consents.allowsPublishingPhotos(need.householdId()));
	}

	/** Adds a photo to a need that is still being written (draft or rejected). */
	@Transactional
	public Photo add(BangfuUser by, Need need, InputStream upload) {
		if (need.state() != NeedState.DRAFT && need.state() != NeedState.REJECTED) {
			throw new ConflictException("need.photo-state");
		}
		// lock the need's row so that two uploads at once cannot make a seventh photo
		jdbc.sql("SELECT id FROM need WHERE id = ? FOR UPDATE").param(need.id()).query(Long.class).single();
		if (count(need.id()) >= MAX_PHOTOS) {
			throw new BadInputException("need.photo-too-many", MAX_PHOTOS);
		}
		PhotoProcessing.Processed p = PhotoProcessing.process(upload);
		long id = jdbc.sql("""
				INSERT INTO need_photo (need_id, file_name, width, height, bytes, uploaded_by, uploaded_at)
				VALUES (?, '', ?, ?, ?, ?, ?) RETURNING id""")
			.params(need.id(), p.width(), p.height(), p.display().length, by.id(), Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		String name = need.id() + "/" + id;
		write(root.resolve(String.valueOf(need.id())), id, p);
		jdbc.sql("UPDATE need_photo SET file_name = ? WHERE id = ?").params(name, id).update();
		return new Photo(id, p.width(), p.height());
	}

	/** Writes a checked photo's display size, thumbnail and renditions as {@code <id>.jpg} and so on into {@code dir};
	 * the household's signed confirmation form is stored the same way ({@link ConfirmationForms}). */
	static void write(Path dir, long id, PhotoProcessing.Processed p) {
		p.writeTo(dir, String.valueOf(id));
		PhotoRenditions.makeAll(dir.resolve(id + ".jpg"));
	}

	@Transactional
	public void remove(Need need, long photoId) {
		if (need.state() != NeedState.DRAFT && need.state() != NeedState.REJECTED) {
			throw new ConflictException("need.photo-state");
		}
		if (jdbc.sql("DELETE FROM need_photo WHERE id = ? AND need_id = ?").params(photoId, need.id()).update() == 0) {
			throw new NotFoundException("need.photo-not-found");
		}
		try {
			Files.deleteIfExists(path(need.id(), photoId, false));
			Files.deleteIfExists(path(need.id(), photoId, true));
			for (int width : PhotoRenditions.WIDTHS) {
				Files.deleteIfExists(root.resolve(String.valueOf(need.id())).resolve(photoId + "-w" + width + ".jpg"));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Path file(long needId, long photoId, boolean thumbnail) {
		int found = jdbc.sql("SELECT count(*) FROM need_photo WHERE id = ? AND need_id = ?").params(photoId, needId).query(Integer.class).single();
		if (found == 0) {
			throw new NotFoundException("need.photo-not-found");
		}
		return path(needId, photoId, thumbnail);
	}

	private Path path(long needId, long photoId, boolean thumbnail) {
		return root.resolve(String.valueOf(needId)).resolve(photoId + (thumbnail ? "-thumb.jpg" : ".jpg"));
	}
}
