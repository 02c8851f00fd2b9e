package org.bangfu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module picture of {@code docs/architecture.md} holds: each module uses only the modules its
 * {@code package-info} allows, and only through their API; and each module's SQL names only the
 * tables it owns (the "Owns …" sentence of its {@code package-info}).
 */
class ModularityTests {

	static final Path SOURCES = Path.of("src/main/java/org/bangfu");

	static final Pattern OWNS = Pattern.compile("Owns ([a-z_, ]+)\\.");

	static final Pattern TABLE_IN_SQL = Pattern.compile("(?i)\\b(FROM|JOIN|INTO|UPDATE|TABLE|REFERENCES)\\s+(?:ONLY\\s+)?([a-z_]+)\\b");

	/** Tables a module shares for reading ("Shares … for reading"): joined by others, written only by their owner. */
	static final Pattern SHARES = Pattern.compile("Shares ([a-z_, ]+) for reading");

	/** Text blocks and string literals: where the SQL is. */
	static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

	private final ApplicationModules modules = ApplicationModules.of(BangfuApplication.class);

	@Test
	void modulesUseOnlyWhatTheyDeclare() {
		modules.verify();
	}

	@Test
	void theCapabilitiesAreModules() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString())).contains("region", "account", "household", "need", "pledge",
				"offer", "campaign", "stats", "demo", "notify", "shared", "fund");
	}

	@Test
	void everyTableHasOneOwner() throws IOException {
		Map<String, String> owners = owners();
		List<String> tables = new ArrayList<>();
		try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
			for (Path m : migrations.toList()) {
				Matcher t = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)").matcher(Files.readString(m));
				while (t.find()) {
					tables.add(t.group(1).toLowerCase());
				}
			}
		}
		assertThat(tables).as("tables without an owner (add them to a module's package-info: \"Owns …\")")
			.allSatisfy(t -> assertThat(owners).containsKey(t));
	}

	@Test
	void noModuleReachesIntoAnothersTables() throws IOException {
		Map<String, String> owners = owners();
		List<String> violations = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String module = moduleOf(file);
				if (module.equals(FIXTURES)) {
					continue;
				}
				Matcher literal = LITERAL.matcher(Files.readString(file));
				while (literal.find()) {
					String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
					Matcher table = TABLE_IN_SQL.matcher(text);
					while (table.find()) {
						String name = table.group(2).toLowerCase();
						String owner = owners.get(name);
						boolean reading = table.group(1).equalsIgnoreCase("FROM") || table.group(1).equalsIgnoreCase("JOIN");
						if (owner != null && !owner.equals(module) && !(reading && shared().contains(name))) {
							violations.add(SOURCES.relativize(file) + " names " + name + " (owned by " + owner + ")");
						}
					}
				}
			}
		}
		assertThat(violations).as("SQL naming another module's tables (use its module's API instead)").isEmpty();
	}

	/**
	 * The one module let write other modules' tables: the demo seed plays a past (pledges made weeks ago, transitions
	 * backdated, thousands of generated needs by COPY) that no use case would write, and runs only on the embedded
	 * database unless asked for (bangfu.demo). Nothing depends on it, so its SQL cannot leak into the capabilities.
	 */
	static final String FIXTURES = "demo";

	@Test
	void theDemoSeedIsTheOnlyExceptionAndNothingDependsOnIt() {
		assertThat(modules.stream().filter(m -> m.getDirectDependencies(modules).stream()
			.anyMatch(d -> d.getTargetModule().getIdentifier().toString().equals(FIXTURES)))
			.map(m -> m.getIdentifier().toString())).isEmpty();
	}

	@Test
	void writesTheModuleDiagrams() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

	/** Table → module, from the "Owns …" sentence of each module's package-info. */
	static Map<String, String> owners() throws IOException {
		Map<String, String> owners = new TreeMap<>();
		try (Stream<Path> infos = Files.walk(SOURCES, 2)) {
			for (Path info : infos.filter(f -> f.getFileName().toString().equals("package-info.java")).toList()) {
				Matcher owns = OWNS.matcher(Files.readString(info).replaceAll("\\s*\\n\\s*\\*\\s*", " "));
				if (owns.find()) {
					for (String table : owns.group(1).split(",\\s*")) {
						String previous = owners.put(table.strip(), moduleOf(info));
						assertThat(previous).as("table " + table + " owned twice").isNull();
					}
				}
			}
		}
		return owners;
	}

	static java.util.Set<String> shared() throws IOException {
		java.util.Set<String> shared = new TreeSet<>();
		try (Stream<Path> infos = Files.walk(SOURCES, 2)) {
			for (Path info : infos.filter(f -> f.getFileName().toString().equals("package-info.java")).toList()) {
				Matcher shares = SHARES.matcher(Files.readString(info).replaceAll("\\s*\\n\\s*\\*\\s*", " "));
				if (shares.find()) {
					for (String table : shares.group(1).split(",\\s*")) {
						shared.add(table.strip());
					}
				}
			}
		}
		return shared;
	}

	static String moduleOf(Path file) {
		Path relative = SOURCES.relativize(file);
		return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
	}
}
