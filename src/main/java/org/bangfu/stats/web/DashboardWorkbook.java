package org.bangfu.stats.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.need.NeedRollups;
import org.bangfu.need.NeedState;
import org.bangfu.stats.Dashboards;
import org.bangfu.stats.Rates;

/**
 * A dashboard's tables as a workbook, one sheet a table: the summary (coverage, matching), the units below, needs by
 * category and state (count and value), needs by state, the trend by month. Amounts in yuan, shares in percent.
 */
final class DashboardWorkbook {

	private final BiFunction<String, Object[], String> text;

	private CellStyle yuan;

	DashboardWorkbook(BiFunction<String, Object[], String> text) {
		this.text = text;
	}

	private record Yuan(long fen) {
	}

	/** The dashboard's tables, one sheet each, and supervision's public figures when given (the public workbook). */
	byte[] write(Dashboards.Dashboard d, List<AuditFigures.Line> audits) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			yuan = book.createCellStyle();
			yuan.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
			summary(book.createSheet(t("stats.sheet.summary")), d);
			units(book.createSheet(t("stats.sheet.units")), d);
			categories(book.createSheet(t("stats.sheet.categories")), d);
			Sheet states = book.createSheet(t("stats.sheet.states"));
			row(states, 0, t("stats.state"), t("stats.needs.count"), t("stats.needs.value"));
			int n = 1;
			for (Dashboards.Tally s : d.byState()) {
				row(states, n++, t(s.key()), s.n(), new Yuan(s.valueFen()));
			}
			Sheet trend = book.createSheet(t("stats.sheet.trend"));
			row(trend, 0, t("stats.trend.month"), t("stats.matching.verified"), t("stats.matching.confirmed"), t("stats.matching.self"),
					t("stats.matching") + " %", t("stats.matching.without-staff") + " %");
			n = 1;
			for (Dashboards.Month m : d.trend()) {
				Rates r = m.rates();
				row(trend, n++, m.month().toString(), r.verified(), r.confirmed(), r.confirmedByStaff(), r.rate(), r.rateWithoutStaff());
			}
			if (!audits.isEmpty()) {
				Sheet sheet = book.createSheet(t("stats.audits.sheet"));
				row(sheet, 0, t("stats.audits.region"), t("stats.audits.audited"), t("stats.audits.false"));
				n = 1;
				for (AuditFigures.Line l : audits) {
					row(sheet, n++, l.name(), l.audited(), l.foundFalse());
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void summary(Sheet sheet, Dashboards.Dashboard d) {
		Rates r = d.rates();
		int n = 0;
		row(sheet, n++, t("stats.dashboard.title", d.region().name()));
		row(sheet, n++, t("stats.period.label"), t("stats.period.span", d.months().from(), d.months().to()));
		row(sheet, n++, t("stats.coverage.households"), d.coverage().households());
		row(sheet, n++, t("stats.coverage.on-platform"), d.coverage().registered());
		row(sheet, n++, t("stats.coverage") + " %", d.coverage().percent(), t("stats.target", Dashboards.COVERAGE_TARGET));
		row(sheet, n++, t("stats.needs.total"), d.needs());
		row(sheet, n++, t("stats.matching.verified"), r.verified(), new Yuan(r.verifiedValueFen()));
		row(sheet, n++, t("stats.matching.confirmed"), r.confirmed(), new Yuan(r.confirmedValueFen()));
		row(sheet, n++, t("stats.matching.self"), r.confirmedByStaff(), new Yuan(r.confirmedByStaffValueFen()));
		row(sheet, n++, t("stats.matching") + " · " + t("stats.matching.with-staff") + " %", r.rate(), r.valueRate());
		row(sheet, n++, t("stats.matching") + " · " + t("stats.matching.without-staff") + " %", r.rateWithoutStaff(), r.valueRateWithoutStaff(),
				t("stats.target", Rates.TARGET));
		n++;
		row(sheet, n++, t("stats.def.coverage"));
		row(sheet, n++, t("stats.def.matching"));
	}

	private void units(Sheet sheet, Dashboards.Dashboard d) {
		row(sheet, 0, t("stats.unit"), t("stats.coverage.households"), t("stats.coverage.on-platform"), t("stats.coverage") + " %",
				t("stats.matching.verified"), t("stats.matching.confirmed"), t("stats.matching.self"), t("stats.matching") + " %",
				t("stats.matching.without-staff") + " %", t("stats.matching.by-value") + " %");
		int n = 1;
		for (Dashboards.Unit u : d.units()) {
			Rates r = u.rates();
			row(sheet, n++, u.region().name(), u.households(), u.onPlatform(), u.coverage(), r.verified(), r.confirmed(), r.confirmedByStaff(),
					r.rate(), r.rateWithoutStaff(), r.valueRate());
		}
	}

	/** Categories down, states across: count then value for each state present. */
	private void categories(Sheet sheet, Dashboards.Dashboard d) {
		List<Object> head = new ArrayList<>();
		head.add(t("stats.category"));
		for (NeedState s : d.statesPresent()) {
			head.add(t(s.label()) + " " + t("stats.needs.count"));
			head.add(t(s.label()) + " " + t("stats.needs.value"));
		}
		row(sheet, 0, head.toArray());
		int n = 1;
		for (Dashboards.CategoryRow r : d.categoryRows()) {
			List<Object> cells = new ArrayList<>();
			cells.add(t(r.category().label()));
			for (NeedRollups.Count count : r.cells()) {
				cells.add(count.n());
				cells.add(new Yuan(count.valueFen()));
			}
			row(sheet, n++, cells.toArray());
		}
	}

	private void row(Sheet sheet, int index, Object... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			var cell = row.createCell(i);
			Object v = values[i];
			if (v instanceof Yuan y) {
				cell.setCellValue(new BigDecimal(y.fen()).movePointLeft(2).doubleValue());
				cell.setCellStyle(yuan);
			}
			else if (v instanceof Number number) {
				cell.setCellValue(number.doubleValue());
			}
			else {
				cell.setCellValue(String.valueOf(v));
			}
		}
	}

	private String t(String key, Object... args) {
		return text.apply(key, args);
	}
}
