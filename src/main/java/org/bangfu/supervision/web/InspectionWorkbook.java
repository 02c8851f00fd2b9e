package org.bangfu.supervision.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.supervision.InspectionReports;

/** An inspection report as a workbook: the summary, by township, by officer; the false rate in percent of findings. */
final class InspectionWorkbook {

	private final BiFunction<String, Object[], String> text;

	InspectionWorkbook(BiFunction<String, Object[], String> text) {
		this.text = text;
	}

	byte[] write(InspectionReports.Report r) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet summary = book.createSheet(t("audit.report.sheet.summary"));
			row(summary, 0, t("audit.report.county"), r.county().name());
			row(summary, 1, t("audit.report.period"), r.period().label());
			row(summary, 2, t("audit.report.samples"), r.samples());
			tallies(summary, 4, t("audit.report.total"), List.of(r.total()));
			tallies(book.createSheet(t("audit.report.sheet.townships")), 0, t("audit.report.township"), r.byTownship());
			tallies(book.createSheet(t("audit.report.sheet.officers")), 0, t("audit.report.officer"), r.byOfficer());
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void tallies(Sheet sheet, int first, String what, List<InspectionReports.Tally> tallies) {
		row(sheet, first, what, t("audit.report.needs"), t("audit.outcome.TRUE"), t("audit.outcome.FALSE"), t("audit.outcome.PROBLEM"),
				t("audit.report.false-rate") + " %");
		int n = first + 1;
		for (InspectionReports.Tally x : tallies) {
			row(sheet, n++, x.name(), x.needs(), x.trueCount(), x.falseCount(), x.problemCount(), x.falseRate());
		}
	}

	private static void row(Sheet sheet, int index, Object... cells) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < cells.length; i++) {
			Object c = cells[i];
			if (c instanceof Number number) {
				row.createCell(i).setCellValue(number.doubleValue());
			}
			else {
				row.createCell(i).setCellValue(c == null ? "" : c.toString());
			}
		}
	}

	private String t(String key) {
		return text.apply(key, null);
	}
}
