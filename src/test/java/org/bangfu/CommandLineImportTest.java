package org.bangfu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar bangfu.jar import-divisions FILE}, run as an operator would: a separate process on its own data directory. */
class CommandLineImportTest {

	@TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
	Path dir;

	record Run(int exit, String out) {
	}

	private Run bangfu(String... args) throws IOException, InterruptedException {
		String[] command = new String[args.length + 5];
		command[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		command[1] = "-cp";
		command[2] = System.getProperty("java.class.path");
		command[3] = BangfuApplication.class.getName();
		command[4] = "import-divisions";
		System.arraycopy(args, 0, command, 5, args.length);
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Run(p.exitValue(), out);
	}

	@Test
	void importsAFileAndRefusesABrokenOneWithAClearMessage() throws Exception {
		Path good = dir.resolve("hunan-extra.csv");
		Files.writeString(good, """
				code,name,level,parent_code
				430000,湖南省,province,
				430200,株洲市,city,430000
				430202,荷塘区,county,430200
				""");
		String dataDir = "--bangfu.data-dir=" + dir.resolve("data");
		Run ok = bangfu(good.toString(), dataDir, "--bangfu.embedded-db.port=0");
		assertThat(ok.exit()).as(ok.out()).isZero();
		assertThat(ok.out()).contains("导入完成：共 3 行，新增 3 个、更新 0 个区划，跳过 0 个");

		Path bad = dir.resolve("bad.csv");
		Files.writeString(bad, """
				code,name,level,parent_code
				430300,湘潭市,city,430000
				430302,雨湖区,town,430300
				""");
		Run refused = bangfu(bad.toString(), dataDir, "--bangfu.embedded-db.port=0");
		assertThat(refused.exit()).isEqualTo(1);
		assertThat(refused.out()).contains("第 3 行：级别“town”无效", "未做任何更改。");

		Run missing = bangfu(dir.resolve("nope.csv").toString(), dataDir, "--bangfu.embedded-db.port=0");
		assertThat(missing.exit()).isEqualTo(1);
		assertThat(missing.out()).contains("找不到区划文件");
	}
}
