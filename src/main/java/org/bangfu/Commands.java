package org.bangfu;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.bangfu.household.RegistryFiles;
import org.bangfu.demo.NeedGenerator;
import org.bangfu.fund.ChainVerification;
import org.bangfu.fund.LedgerExports;
import org.bangfu.region.DivisionImport;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.InvalidDivisionFile;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.RegionCode;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

/**
 * The command-line modes of the jar. Each starts the application without its web server, against the
 * same database the server would use, does one job and exits with 0 on success and 1 on failure.
 */
final class Commands {

	static final String IMPORT_DIVISIONS = "import-divisions";

	static final String GENERATE_REGISTRY = "generate-registry";

	static final String GENERATE_NEEDS = "generate-needs";

	static final String VERIFY_LEDGER = "verify-ledger";

	private Commands() {
	}

	/** {@code generate-registry --region=430421 --households=1000 [--seed=1] --out=FILE.csv}: a synthetic registry file. */
	static int generateRegistry(SpringApplication app, String[] args) {
		String region = option(args, "region");
		String households = option(args, "households");
		String out = option(args, "out");
		if (region == null || households == null || out == null) {
			System.err.println("用法 / usage: java -jar bangfu.jar " + GENERATE_REGISTRY
					+ " --region=<区划代码> --households=<户数> --out=<文件.csv> [--seed=<随机种子>]");
			return 2;
		}
		try (ConfigurableApplicationContext context = app.run(args)) {
			MessageSource messages = context.getBean(MessageSource.class);
			try {
				long n = Long.parseLong(households);
				long seed = Long.parseLong(java.util.Objects.requireNonNullElse(option(args, "seed"), "1"));
				Region scope = context.getBean(Regions.class).get(RegionCode.parse(region));
				long start = System.nanoTime();
				context.getBean(RegistryFiles.class).generate(Path.of(out), scope, n, seed);
				System.out.println(messages.getMessage("generate.done", new Object[] { n, scope.name(), out,
						(System.nanoTime() - start) / 1_000_000 }, Locale.SIMPLIFIED_CHINESE));
				return 0;
			}
			catch (NumberFormatException e) {
				System.err.println(messages.getMessage("generate.households", null, Locale.SIMPLIFIED_CHINESE));
				return 1;
			}
			catch (BadInputException e) {
				System.err.println(messages.getMessage(e.messageKey(), e.args(), Locale.SIMPLIFIED_CHINESE));
				return 1;
			}
			catch (java.io.IOException e) {
				System.err.println(e.getMessage());
				return 1;
			}
		}
	}

	/**
	 * {@code generate-needs --count=1000000 [--seed=1] [--region=<区划代码>]}: synthetic open needs straight into the
	 * database, spread over the villages of the region table (benchmarks only; see bench/needs-list.sh).
	 */
	static int generateNeeds(SpringApplication app, String[] args) {
		String count = option(args, "count");
		if (count == null) {
			System.err.println("用法 / usage: java -jar bangfu.jar " + GENERATE_NEEDS
					+ " --count=<条数> [--seed=<随机种子>] [--region=<区划代码，默认全部村>] [--bangfu.data-dir=...]");
			return 2;
		}
		try (ConfigurableApplicationContext context = app.run(args)) {
			MessageSource messages = context.getBean(MessageSource.class);
			try {
				long n = Long.parseLong(count);
				long seed = Long.parseLong(java.util.Objects.requireNonNullElse(option(args, "seed"), "1"));
				NeedGenerator.Result r = context.getBean(NeedGenerator.class).generate(n, seed, option(args, "region"), java.time.Instant.now());
				System.out.printf("已生成 %,d 条公开需求（%,d 个明细），分布于 %,d 个村，id %d–%d，用时 %.1f 秒 / generated%n", r.needs(), r.items(),
						r.villages(), r.firstId(), r.lastId(), r.millis() / 1000.0);
				return 0;
			}
			catch (NumberFormatException e) {
				System.err.println("--count 和 --seed 须为整数 / must be integers");
				return 1;
			}
			catch (BadInputException e) {
				System.err.println(messages.getMessage(e.messageKey(), e.args(), Locale.SIMPLIFIED_CHINESE));
				return 1;
			}
			catch (IllegalArgumentException | IllegalStateException | java.sql.SQLException | java.io.IOException e) {
				System.err.println(e.getMessage());
				return 1;
			}
		}
	}

	private static String option(String[] args, String name) {
		return Arrays.stream(args).filter(a -> a.startsWith("--" + name + "=")).map(a -> a.substring(name.length() + 3)).findFirst().orElse(null);
	}

	static boolean isCommand(String arg) {
		return IMPORT_DIVISIONS.equals(arg) || GENERATE_REGISTRY.equals(arg) || GENERATE_NEEDS.equals(arg) || VERIFY_LEDGER.equals(arg);
	}

	static int run(SpringApplication app, String command, String[] args) {
		if (VERIFY_LEDGER.equals(command)) {
			return verifyLedger(args);
		}
		if (GENERATE_REGISTRY.equals(command)) {
			return generateRegistry(app, args);
		}
		if (GENERATE_NEEDS.equals(command)) {
			return generateNeeds(app, args);
		}
		// --name=value options configure the application as they do for the server; the rest are the command's
		String[] options = Arrays.stream(args).filter(a -> a.startsWith("--")).toArray(String[]::new);
		String[] positional = Arrays.stream(args).filter(a -> !a.startsWith("--")).toArray(String[]::new);
		if (positional.length != 1) {
			System.err.println("用法 / usage: java -jar bangfu.jar " + IMPORT_DIVISIONS + " <区划代码文件.csv 或 .csv.gz> [--bangfu.data-dir=...]");
			return 2;
		}
		try (ConfigurableApplicationContext context = app.run(options)) {
			DivisionImport divisions = context.getBean(DivisionImport.class);
			MessageSource messages = context.getBean(MessageSource.class);
			try {
				DivisionImport.Result result = divisions.importFile(Path.of(positional[0]));
				System.out.println(messages.getMessage("divisions.import.done",
						new Object[] { result.rows(), result.inserted(), result.updated(), result.millis(), result.skipped() },
						Locale.SIMPLIFIED_CHINESE));
				return 0;
			}
			catch (BadInputException e) {
				System.err.println(messages.getMessage(e.messageKey(), e.args(), Locale.SIMPLIFIED_CHINESE));
				if (e instanceof InvalidDivisionFile invalid) {
					for (InvalidDivisionFile.Problem p : invalid.problems()) {
						Object[] withLine = new Object[p.args().length + 1];
						withLine[0] = String.valueOf(p.line());
						System.arraycopy(p.args(), 0, withLine, 1, p.args().length);
						System.err.println("  " + messages.getMessage(p.messageKey(), withLine, Locale.SIMPLIFIED_CHINESE));
					}
				}
				System.err.println(messages.getMessage("divisions.import.nothing-changed", null, Locale.SIMPLIFIED_CHINESE));
				return 1;
			}
		}
	}

	/**
	 * {@code verify-ledger EXPORT.json}: recomputes the chain of an exported fund ledger offline (no database, no
	 * application) and names the first entry where it breaks; exit 0 intact, 1 broken or unreadable.
	 */
	static int verifyLedger(String[] args) {
		if (args.length != 1) {
			System.err.println("用法 / usage: java -jar bangfu.jar " + VERIFY_LEDGER + " <账本导出.json / ledger export.json>");
			return 2;
		}
		try {
			ChainVerification v = LedgerExports.verify(java.nio.file.Files.readString(Path.of(args[0])));
			if (v.intact()) {
				System.out.println("账本完整：" + v.entries() + " 笔记录，哈希链无误。 / ok: " + v.entries() + " entries, chain intact");
				return 0;
			}
			System.out.println("账本在第 " + v.firstBroken() + " 笔记录处断开（" + v.reason() + "）。 / broken at entry " + v.firstBroken()
					+ ": " + v.reason());
			return 1;
		}
		catch (java.io.IOException | RuntimeException e) {
			System.err.println("无法读取账本导出 / cannot read the export: " + e.getMessage());
			return 1;
		}
	}
}
