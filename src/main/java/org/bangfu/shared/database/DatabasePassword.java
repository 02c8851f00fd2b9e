package org.bangfu.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL's password: generated on the first start and kept in
 * {@code <data>/postgres-password}, readable by the owner only, so that other local users and
 * processes cannot connect to the database as they could while it trusted every local connection.
 */
final class DatabasePassword {

	static final String FILE = "postgres-password";

	private DatabasePassword() {
	}

	static String of(Path dataDir) {
		Path file = dataDir.resolve(FILE);
		try {
			if (Files.exists(file)) {
				String password = Files.readString(file, StandardCharsets.UTF_8).strip();
				if (!password.isEmpty()) {
					ownerOnly(file);
					return password;
				}
			}
			byte[] random = new byte[24];
			new SecureRandom().nextBytes(random);
			String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			Files.deleteIfExists(file);
			if (posix()) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
			}
			Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
			return password;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Takes the write bits of group and others off the data directory's own entries and the unpacked
	 * binaries (they came world-writable, so any local user could have replaced the server we run).
	 */
	static void closeWorldWritable(Path dataDir) throws IOException {
		if (!posix()) {
			return;
		}
		try (Stream<Path> top = Files.list(dataDir); Stream<Path> binaries = Files.walk(dataDir.resolve("pgbin"));
				Stream<Path> files = Stream.concat(Stream.of(dataDir), Stream.concat(top, binaries))) {
			for (Path p : (Iterable<Path>) files::iterator) {
				if (Files.isSymbolicLink(p)) {
					continue;
				}
				try {
					Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(p);
					if (permissions.remove(PosixFilePermission.OTHERS_WRITE) | permissions.remove(PosixFilePermission.GROUP_WRITE)) {
						Files.setPosixFilePermissions(p, permissions);
					}
				}
				catch (IOException e) {
					// a file that vanished meanwhile (a scratch file) needs no fixing
				}
			}
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		if (posix()) {
			Files.setPosixFilePermissions(file, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
		}
	}

	private static boolean posix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}
}
