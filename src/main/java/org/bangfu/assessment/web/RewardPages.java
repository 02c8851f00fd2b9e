package org.bangfu.assessment.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.account.BangfuUser;
import org.bangfu.assessment.Rewards;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The reward list for the county centers and the city office: the page with its table, and the workbook for payment. */
@Controller
class RewardPages {

	private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Rewards rewards;

	private final MessageSource messages;

	RewardPages(Rewards rewards, MessageSource messages) {
		this.rewards = rewards;
		this.messages = messages;
	}

	@GetMapping("/assessment/rewards")
	String page(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
			@AuthenticationPrincipal BangfuUser user, Model model) {
		model.addAttribute("list", rewards.of(user, region, period));
		return "assessment/rewards";
	}

	@GetMapping("/assessment/rewards.xlsx")
	ResponseEntity<byte[]> workbook(@RequestParam(required = false) String region, @RequestParam(required = false) String period,
			@AuthenticationPrincipal BangfuUser user) {
		Rewards.RewardList list = rewards.of(user, region, period);
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle yuan = book.createCellStyle();
			yuan.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));
			Sheet sheet = book.createSheet(text("assessment.rewards.sheet"));
			row(sheet, 0, yuan, text("assessment.rewards.title", list.region().name(), periodName(list)));
			row(sheet, 1, yuan, text("assessment.rewards.rate", yuan(list.fenPerPoint())));
			row(sheet, 2, yuan, text("assessment.rewards.name"), text("assessment.rewards.phone"), text("assessment.rewards.station"),
					text("assessment.rewards.role"), text("assessment.rewards.points"), text("assessment.rewards.yuan"));
			int n = 3;
			for (Rewards.Line l : list.lines()) {
				row(sheet, n++, yuan, l.name(), l.phone(), l.station(), text("role." + l.role().name()), l.points(), new Fen(l.rewardFen()));
			}
			row(sheet, n, yuan, text("assessment.rewards.total", list.lines().size()), "", "", "", list.totalPoints(), new Fen(list.totalFen()));
			for (int c = 0; c < 6; c++) {
				sheet.setColumnWidth(c, c == 2 ? 24 * 256 : 14 * 256);
			}
			book.write(out);
			return ResponseEntity.ok()
				.contentType(XLSX)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
					.filename("rewards-" + list.region().code() + "-" + list.period().key() + ".xlsx")
					.build()
					.toString())
				.body(out.toByteArray());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An amount for a cell: yuan as a number with two decimals (exact to the fen for any realistic sum). */
	private record Fen(long fen) {
	}

	private static String yuan(long fen) {
		return new BigDecimal(fen).movePointLeft(2).toPlainString();
	}

	private String periodName(Rewards.RewardList list) {
		return list.period().key().equals("all") ? text("assessment.period.all") : list.period().key();
	}

	private static void row(Sheet sheet, int index, CellStyle yuan, Object... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			var cell = row.createCell(i);
			Object v = values[i];
			if (v instanceof Fen f) {
				cell.setCellValue(new BigDecimal(f.fen()).movePointLeft(2).doubleValue());
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

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
