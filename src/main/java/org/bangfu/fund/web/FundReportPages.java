package org.bangfu.fund.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.fund.FundProfile;
import org.bangfu.fund.FundReports;
import org.bangfu.fund.ReportPeriod;
import org.bangfu.need.NeedCategory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Disclosure (信息公开), public: a quarter's or a year's report as a printable page ({@code /fund/reports?period=2026-Q4})
 * and the same figures as a workbook ({@code /fund/reports.xlsx?period=}), amounts in yuan with two decimals.
 */
@Controller
class FundReportPages {

	private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final FundReports reports;

	private final FundProfile profile;

	private final MessageSource messages;

	private final Clock clock;

	FundReportPages(FundReports reports, FundProfile profile, MessageSource messages, Clock clock) {
		this.reports = reports;
		this.profile = profile;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/fund/reports")
	String page(@RequestParam(required = false) String period, Model model) {
		ReportPeriod p = ReportPeriod.parse(period, clock);
		model.addAttribute("report", reports.of(p));
		model.addAttribute("profile", profile);
		model.addAttribute("year", String.valueOf(p.year()));
		return "fund/reports";
	}

	@GetMapping("/fund/reports.xlsx")
	ResponseEntity<byte[]> workbook(@RequestParam(required = false) String period) {
		FundReports.Report r = reports.of(ReportPeriod.parse(period, clock));
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle yuan = book.createCellStyle();
			yuan.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
			Sheet summary = book.createSheet(text("fundpage.report.sheet.summary"));
			int n = 0;
			row(summary, n++, yuan, profile.name() + " " + text("fundpage.report.title", r.period().key()));
			row(summary, n++, yuan, text("fundpage.report.holder"), profile.holder());
			row(summary, n++, yuan, text("fundpage.report.period"), r.period().firstDay() + " – " + r.period().lastDay());
			n++;
			row(summary, n++, yuan, text("fundpage.report.opening"), fen(r.openingBankFen()));
			row(summary, n++, yuan, text("fundpage.report.received"), fen(r.receivedFen()), r.giftCount());
			row(summary, n++, yuan, text("fundpage.report.received.pool"), fen(r.receivedToPoolFen()), r.giftsToPool());
			row(summary, n++, yuan, text("fundpage.report.received.directed"), fen(r.receivedDirectedFen()), r.giftsDirected());
			row(summary, n++, yuan, text("fundpage.report.goods"), fen(r.goodsFen()));
			row(summary, n++, yuan, text("fundpage.report.approved"), fen(r.approvedFen()));
			row(summary, n++, yuan, text("fundpage.report.paid"), fen(r.paidFen()));
			row(summary, n++, yuan, text("fundpage.report.refunded"), fen(r.refundedFen()));
			row(summary, n++, yuan, text("fundpage.report.granted"), fen(r.grantedFen()), r.grants().size());
			row(summary, n++, yuan, text("fundpage.report.closing"), fen(r.closingBankFen()));
			rows(book.createSheet(text("fundpage.report.sheet.category")), yuan, text("fundpage.report.category"), r.byCategory(), true);
			rows(book.createSheet(text("fundpage.report.sheet.county")), yuan, text("fundpage.report.county"), r.byCounty(), false);
			Sheet grants = book.createSheet(text("fundpage.report.sheet.grants"));
			row(grants, 0, yuan, text("fundpage.report.grant.seq"), text("fundpage.report.grant.date"), text("fundpage.report.grant.need"),
					text("fundpage.report.grant.village"), text("fundpage.report.category"), text("fundpage.report.amount"));
			int g = 1;
			for (FundReports.GrantRow grant : r.grants()) {
				row(grants, g++, yuan, grant.seq(), grant.at().atZone(ReportPeriod.CITY).toLocalDate().toString(),
						text("fundpage.account.need", grant.needId(), grant.position() + 1), grant.village(), category(grant.category()), fen(grant.fen()));
			}
			book.write(out);
			return ResponseEntity.ok()
				.contentType(XLSX)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("fund-report-" + r.period().key() + ".xlsx").build().toString())
				.body(out.toByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An amount for a cell: yuan as a number (exact to the fen for any realistic sum). */
	private record Yuan(long fen) {
	}

	private static Yuan fen(long fen) {
		return new Yuan(fen);
	}

	private void rows(Sheet sheet, CellStyle yuan, String what, List<FundReports.Row> rows, boolean categories) {
		row(sheet, 0, yuan, what, text("fundpage.report.amount"), text("fundpage.report.count"));
		int n = 1;
		for (FundReports.Row r : rows) {
			row(sheet, n++, yuan, categories ? category(r.key()) : r.name(), fen(r.fen()), r.count());
		}
	}

	private static void row(Sheet sheet, int index, CellStyle yuan, Object... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			var cell = row.createCell(i);
			Object v = values[i];
			if (v instanceof Yuan y) {
				cell.setCellValue(new java.math.BigDecimal(y.fen()).movePointLeft(2).doubleValue());
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

	String category(String code) {
		try {
			return code == null || code.isBlank() ? text("fundpage.report.unknown") : text(NeedCategory.valueOf(code).label());
		}
		catch (IllegalArgumentException unknown) {
			return code;
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
