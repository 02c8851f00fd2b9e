package org.bangfu.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
		find("#consent-form button[type=submit]").click();
		assertThat(find(".alert.ok").getText()).contains("同意记录已保存");
		assertThat(find("#consents").getText()).contains("同意代发需求", "第二名工作人员见证", "见证人 西渡镇信息管理员");
		screenshot("household-consent");
	}
}
