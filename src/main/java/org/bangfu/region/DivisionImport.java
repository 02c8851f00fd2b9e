package org.bangfu.region;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import javax.sql.DataSource;

import org.bangfu.shared.BadInputException;
import org.springframework.stereotype.Component;

/**
 * Imports a division file of any size (Hengyang's 2,991 rows or the country's 665,276) in one
 * transaction: all of it, or, on any error, nothing. Existing codes are updated in place, so a newer
 * edition of the codes can be imported over an older one.
 */
@Component
public class DivisionImport {

	private final DataSource dataSource;

	DivisionImport(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	public record Result(long rows, long inserted, long updated, long skipped, long millis) {
	}

	/** Imports a {@code .csv} or {@code .csv.gz} file. */
	public Result importFile(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new BadInputException("divisions.file-missing", file.toAbsolutePath().toString());
		}
		long start = System.nanoTime();
		try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
				InputStream in = isGzip(raw) ? new GZIPInputStream(raw, 1 << 16) : raw;
				Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try {
				DivisionFile.Counts counts = DivisionFile.load(c, in);
				c.commit();
				return new Result(counts.rows(), counts.inserted(), counts.updated(), counts.skipped(), (System.nanoTime() - start) / 1_000_000);
			}
			catch (RuntimeException | IOException | SQLException e) {
				c.rollback();
				throw e;
			}
		}
		catch (NoSuchFileException e) {
			throw new BadInputException("divisions.file-missing", file.toAbsolutePath().toString());
		}
		catch (ZipException | EOFException e) {
			throw new BadInputException("divisions.corrupt", file.toAbsolutePath().toString());
		}
		catch (IOException e) {
			throw new BadInputException("divisions.unreadable", file.toAbsolutePath().toString(), e.getMessage());
		}
		catch (SQLException e) {
			throw new IllegalStateException("database error while importing divisions", e);
		}
	}

	private static boolean isGzip(InputStream in) throws IOException {
		in.mark(2);
		int b1 = in.read();
		int b2 = in.read();
		in.reset();
		return b1 == 0x1f && b2 == 0x8b;
	}
}
