package org.bangfu.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The city office finds the item lists next to the category rules; a bad line is refused, named, and the typing kept. */
class ItemListsBrowserTest extends BrowserTest {

	private static final String CITY = "13800000001";

	@Test
	void theCityOfficeEditsTheItemListsNextToTheCategoryRules() {
		logIn(CITY, DEMO_PASSWORD);
		browser.manage().window().setSize(new Dimension(PHONE_WIDTH, 800));
		open("/needs/rules");
		find("#item-lists-link").click();
		waiting().until(ExpectedConditions.urlContains("/needs/rules/lists"));
		assertThat(find("#list-goods textarea").getAttribute("value")).contains("跑步机 | treadmill");
		assertThat(find("#list-brands textarea").getAttribute("value")).contains("茅台 | maotai");
		assertThat(find("#list-kinds textarea").getAttribute("value")).contains("助行器具 | 300 | 2500 | 轮椅");
		assertThat(noHorizontalOverflow()).isTrue();
		screenshot("item-lists-phone");

		WebElement goods = find("#list-goods textarea");
		goods.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.END), "\n烟 | 香烟");
		find("#list-goods button[type=submit]").click();
		waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert.error")));
		assertThat(find(".alert.error").getText()).contains("“烟”太短");
		assertThat(find("#list-goods textarea").getAttribute("value")).as("what was typed is kept").contains("烟 | 香烟");
		screenshot("item-lists-refused");

		browser.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 900));
		open("/needs/rules/lists");
		assertThat(find("#list-goods textarea").getAttribute("value")).as("nothing was changed").doesNotContain("烟 | 香烟");
		screenshot("item-lists-desktop");
	}
}
