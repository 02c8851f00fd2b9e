package org.bangfu.account.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.function.BiFunction;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.account.InformationManagerRegister;

/**
 * 信息管理员登记表 in the shape of the paper form: the title across the table, the region and the day of the export, the
 * header row (序号, 县（市、区）, 乡镇（街道）, 村（社区）, 姓名, 性别, 职务, 手机号码, 身份证号, 登记日期, 备注), one line a grant.
 */
final class RegisterWorkbook {

	static final int COLUMNS = 11;

	private final BiFunction<String, Object[], String> text;

	RegisterWorkbook(BiFunction<String, Object[], String> text) {
		this.text = text;
	}

	byte[] write(InformationManagerRegister.Register register, LocalDate today) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(t("register.sheet"));
			CellStyle title = book.createCellStyle();
			Font bold = book.createFont();
			bold.setBold(true);
			bold.setFontHeightInPoints((short) 16);
			title.setFont(bold);
			title.setAlignment(HorizontalAlignment.CENTER);
			Row top = sheet.createRow(0);
			top.createCell(0).setCellValue(t("register.title", register.region().name()));
			top.getCell(0).setCellStyle(title);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, COLUMNS - 1));
			Row second = sheet.createRow(1);
			second.createCell(0).setCellValue(t("register.region", register.region().name()));
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, 5));
			second.createCell(6).setCellValue(t("register.exported", today.toString()));
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 6, COLUMNS - 1));
			Row header = sheet.createRow(2);
			String[] heads = { "register.no", "register.county", "register.township", "register.village", "register.name", "register.gender",
					"register.position", "register.phone", "register.id-number", "register.date", "register.remark" };
			for (int i = 0; i < heads.length; i++) {
				header.createCell(i).setCellValue(t(heads[i]));
			}
			int n = 3;
			for (InformationManagerRegister.Line l : register.lines()) {
				Row row = sheet.createRow(n);
				String[] cells = { String.valueOf(n - 2), nz(l.county()), nz(l.township()), nz(l.village()), l.name(),
						l.gender() == null ? "" : t("register.gender." + l.gender()),
						l.position() == null ? "" : t("position." + l.position()), l.phone(), l.idNumber(), l.registeredOn().toString(),
						t("role." + l.role()) + (l.position() == null ? "；" + t("position.none") : "") };
				row.createCell(0).setCellValue(n - 2);
				for (int i = 1; i < cells.length; i++) {
					row.createCell(i).setCellValue(cells[i]);
				}
				n++;
			}
			int[] widths = { 6, 14, 16, 18, 10, 6, 12, 15, 22, 12, 24 };
			for (int i = 0; i < widths.length; i++) {
				sheet.setColumnWidth(i, widths[i] * 256 + 512);
			}
			sheet.createFreezePane(0, 3);
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private String t(String key, Object... args) {
		return text.apply(key, args);
	}
}
