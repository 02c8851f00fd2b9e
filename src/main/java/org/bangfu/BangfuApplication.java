package org.bangfu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Bangfu: the social poverty-alleviation network.
 *
 * <p>{@code java -jar bangfu.jar} serves the site; {@code java -jar bangfu.jar <command> ...} runs one
 * of the command-line modes in {@link Commands} and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BangfuApplication {

	public static void main(String[] args) {
		useDataDirForTemporaryFiles(args);
		if (args.length > 0 && Commands.isCommand(args[0])) {
			SpringApplication app = new SpringApplication(BangfuApplication.class);
			app.setWebApplicationType(WebApplicationType.NONE);
			app.setAdditionalProfiles("command");
			System.exit(Commands.run(app, args[0], Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(BangfuApplication.class, args);
	}

	/**
	 * The embedded PostgreSQL unpacks its binaries and writes scratch files; keep them beside the
	 * data (DESIGN.md §8) rather than in a /tmp that a reboot or tmp cleaner may empty under it.
	 */
	private static void useDataDirForTemporaryFiles(String[] args) {
		String dataDir = Arrays.stream(args)
			.filter(a -> a.startsWith("--bangfu.data-dir="))
			.map(a -> a.substring("--bangfu.data-dir=".length()))
			.findFirst()
			.orElseGet(() -> {
				String p = System.getProperty("bangfu.data-dir");
				if (p == null) p = System.getenv("BANGFU_DATA_DIR");
				return p == null ? "./data" : p;
			});
		Path tmp = Path.of(dataDir, "tmp");
		try {
			Files.createDirectories(tmp);
			System.setProperty("java.io.tmpdir", tmp.toAbsolutePath().toString());
		}
		catch (IOException e) {
			// The data dir may be read-only for this user; the embedded database start will say so clearly.
		}
	}
}
