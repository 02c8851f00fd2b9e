package org.bangfu.browser;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.shared.IdentityNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry as staff use it: a county center imports a file and watches it; an officer looks after a household. */
class RegistryBrowserTest extends BrowserTest {

	@TempDir
	Path dir;

	@Test
	void aCountyCenterImportsARegistryFileAndReadsTheReport() throws Exception {
		String good1 = IdentityNumber.withCheckCharacter("43042119700101001");
		String good2 = IdentityNumber.withCheckCharacter("43042119720202002");
		String bad = good1.substring(0, 17) + (good1.endsWith("1") ? "2" : "1");
		Path file = dir.resolve("衡阳县花名册.csv");
		Files.writeString(file, String.join("\r\n",
				"衡阳县建档立卡贫困人口花名册,,,,,,,",
				"县,乡（镇）,行政村,户编号,姓名,证件号码,与户主关系,主要致贫原因,脱贫属性,脱贫年度",
				"衡阳县,西渡镇,西渡村委会,4304211002039001,罗浏览,\"" + good1 + "\",户主,因病,已脱贫,2019",
				"衡阳县,西渡镇,西渡村委会,4304211002039001,邓浏览,\"" + good2 + "\",配偶,,已脱贫,2019",
				"衡阳县,西渡镇,西渡村委会,4304211002039002,错号码,\"" + bad + "\",户主,因学,未脱贫,",
				"合计,,,,,,,,,"), StandardCharsets.UTF_8);
		logIn("13800000002", DEMO_PASSWORD);
		open("/households/imports");
		find("#file").sendKeys(file.toAbsolutePath().toString());
		screenshot("registry-import-form");
		find("#import-form button[type=submit]").click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress"), "已完成"));
		assertThat(find("#progress").getText()).contains("1\n户", "2\n人");
		assertThat(find("#problems").getText()).contains("5", "证件号码", "校验位");
		screenshot("registry-import-report");

		open("/households?q=" + java.net.URLEncoder.encode("罗浏览", StandardCharsets.UTF_8) + "&region=430421");
		browser.findElement(By.linkText("罗浏览")).click();
		assertThat(find("#members").getText()).contains("罗浏览", "邓浏览").doesNotContain(good1);
	}

	/**
	 * A township manager imports its township's roster as the national system exports it (XLSX, a merged title row,
	 * county, township and village columns, one row of another county), then imports it again from the list page.
	 */
	@Test
	void aTownshipManagerImportsTheNationalRosterOfItsTownshipTwice() throws Exception {
		String[][] people = {
				{ "衡阳县", "西渡镇", "西渡村委会", "4304211002032001", "1", "贺名册", IdentityNumber.withCheckCharacter("43042119650305021"), "户主" },
				{ "衡阳县", "西渡镇", "西渡村委会", "4304211002032001", "2", "贺小册", IdentityNumber.withCheckCharacter("43042120100305022"), "之子" },
				{ "衡阳县", "西渡镇", "壕塘社区", "4304211000132002", "1", "易名册", IdentityNumber.withCheckCharacter("43042119580412023"), "户主" },
				{ "衡南县", "茶市镇", "茶市村委会", "4304221032312003", "1", "外县名册", IdentityNumber.withCheckCharacter("43042219600101024"), "户主" } };
		Path file = dir.resolve("西渡镇贫困人口花名册.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = book.createSheet("Sheet1");
			sheet.createRow(0).createCell(0).setCellValue("衡阳县西渡镇建档立卡贫困人口花名册");
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 7));
			Row header = sheet.createRow(1);
			String[] names = { "县", "乡（镇）", "行政村", "户编号", "人编号", "姓名", "证件号码", "与户主关系" };
			for (int i = 0; i < names.length; i++) {
				header.createCell(i).setCellValue(names[i]);
			}
			for (int r = 0; r < people.length; r++) {
				Row row = sheet.createRow(r + 2);
				for (int i = 0; i < people[r].length; i++) {
					row.createCell(i).setCellValue(people[r][i]);
				}
			}
			book.write(out);
		}
		logIn("13800000003", DEMO_PASSWORD);
		open("/households/imports");
		find("#file").sendKeys(file.toAbsolutePath().toString());
		find("#import-form button[type=submit]").click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress"), "已完成"));
		assertThat(find("#progress").getText()).contains("2\n户新增", "0\n户更新", "3\n人", "1\n未导入").doesNotContain("?");
		assertThat(find("#problems").getText()).contains("6", "衡南县", "不在您的管辖范围（西渡镇）内").doesNotContain("找不到");
		screenshot("registry-import-township");

		// the list of imports, with the upload form, after the first import (it answered 500 once there was one)
		find("nav.crumbs a").click();
		waiting().until(d -> d.getCurrentUrl().endsWith("/households/imports"));
		assertThat(find("#imports").getText()).contains("西渡镇贫困人口花名册.xlsx", "新增 2，更新 0");
		find("#file").sendKeys(file.toAbsolutePath().toString());
		screenshot("registry-imports-after-first");
		find("#import-form button[type=submit]").click();
		waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress"), "已完成"));
		assertThat(find("#progress").getText()).contains("0\n户新增", "2\n户更新");
		open("/households/imports");
		assertThat(find("#imports").getText()).contains("新增 0，更新 2", "新增 2，更新 0");
	}

	@Test
	void anOfficerShowsAnIdNumberAndRecordsConsent() {
		logIn("13800000004", DEMO_PASSWORD);
		open("/households");
		browser.findElement(By.linkText("王春生")).click();
		String masked = find("#members tbody tr td:nth-child(3) span").getText();
		assertThat(masked).contains("**********");
		find("#members button.reveal").click();
		waiting().until(d -> !d.findElement(By.cssSelector("#members tbody tr td:nth-child(3) span")).getText().contains("*"));
		assertThat(find("#members tbody tr td:nth-child(3) span").getText()).isEqualTo(IdentityNumber.withCheckCharacter("43042119750118003"));
		screenshot("household-detail");

		find("#consent-form-box summary").click();
		browser.findElement(By.xpath("//label[contains(@class,'choice')][span='第二名工作人员见证']")).click();
		find("#c-witness").sendKeys("13800000003");
		assertThat(submitAndRead("#consent-form button[type=submit]", ".alert.ok")).contains("同意记录已保存");
		assertThat(find("#consents").getText()).contains("同意代发需求", "第二名工作人员见证", "见证人 西渡镇信息管理员");
		screenshot("household-consent");
	}
}
