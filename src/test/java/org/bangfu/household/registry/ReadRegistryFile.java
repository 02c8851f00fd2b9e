package org.bangfu.household.registry;

import java.nio.file.Path;
import java.util.Iterator;

import org.bangfu.shared.BadInputException;

/** Reads a registry file as an import does, in a JVM of its own (see {@link RegistryFileLimitsTest}); prints what came of it. */
public final class ReadRegistryFile {

	public static void main(String[] args) {
		Path file = Path.of(args[0]);
		try (RegistryFile registry = RegistryFile.open(file, file.getFileName().toString())) {
			int rows = 0;
			for (Iterator<RegistryFile.RawRow> it = registry.rows(); it.hasNext(); it.next()) {
				rows++;
			}
			System.out.println("columns: " + registry.columns().size() + ", rows: " + rows);
		}
		catch (BadInputException e) {
			System.out.println("refused: " + e.messageKey());
		}
	}
}
