package org.bangfu.fund;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.shared.BadInputException;
import org.bangfu.shared.TooLargeException;
import org.bangfu.shared.UnsupportedFormatException;

/**
 * A bank statement file read whole: CSV (UTF-8 with or without BOM, or GBK/GB18030 as the banks' downloads are) or XLSX
 * ({@link StatementXlsx}), recognised by content. The header is looked for in the first rows (title rows above it are
 * skipped) and mapped by name ({@link StatementColumn}); blank rows and a totals row (合计) are skipped; any other row
 * that does not parse refuses the whole file, naming the row and the column.
 */
final class StatementFile {

	/** One transaction: signed amount (+ money in, − money out); balance after it when the file has a 余额 column. */
	record Row(int line, LocalDateTime bookedAt, long amountFen, String name, String account, String summary, Long balanceFen) {
	}

	record Parsed(String layout, List<Row> rows) {
	}

	static final int HEADER_SEARCH_ROWS = 20;

	private static final Pattern DATE = Pattern.compile(
			"(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?(?:[ T\\-]+(\\d{1,2})[:.](\\d{1,2})(?:[:.](\\d{1,2}))?(?:\\.\\d+)?)?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:[ T]+(\\d{1,2}):?(\\d{2}):?(\\d{2})?)?");

	private StatementFile() {
	}

	static Parsed read(byte[] content, int maxRows) {
		if (content.length == 0) {
			throw new BadInputException("fund.statement.empty");
		}
		if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
			return parse("XLSX", StatementXlsx.cells(content, maxRows + HEADER_SEARCH_ROWS + 100), maxRows);
		}
		if (content.length >= 4 && (content[0] & 0xff) == 0xD0 && (content[1] & 0xff) == 0xCF) {
			throw new UnsupportedFormatException("fund.statement.xls");
		}
		String text = decode(content);
		if (text.indexOf('\0') >= 0) {
			throw new UnsupportedFormatException("fund.statement.type");
		}
		return parse("CSV", csv(text, maxRows + HEADER_SEARCH_ROWS + 100), maxRows);
	}

	private static String decode(byte[] content) {
		int bom = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content, bom, content.length - bom)).toString();
		}
		catch (CharacterCodingException e) {
			return new String(content, Charset.forName("GB18030"));
		}
	}

	/** RFC 4180 records: quoted cells may hold commas, doubled quotes and line breaks. */
	static List<List<String>> csv(String text, int maxRecords) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"' && cell.toString().strip().replace("=", "").isEmpty()) {
				quoted = true; // also ="6222…", Excel's way of keeping an account number as text
				cell.setLength(0);
			}
			else if (c == ',') {
				record.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				record.add(cell.toString());
				cell.setLength(0);
				records.add(record);
				record = new ArrayList<>();
				if (records.size() > maxRecords) {
					throw new TooLargeException("fund.statement.too-many-rows", maxRecords);
				}
			}
			else {
				cell.append(c);
			}
		}
		if (cell.length() > 0 || !record.isEmpty()) {
			record.add(cell.toString());
			records.add(record);
		}
		return records;
	}

	private static Parsed parse(String format, List<List<String>> records, int maxRows) {
		int headerAt = -1;
		Map<StatementColumn, List<Integer>> columns = new EnumMap<>(StatementColumn.class);
		List<String> headers = List.of();
		for (int r = 0; r < Math.min(HEADER_SEARCH_ROWS, records.size()) && headerAt < 0; r++) {
			Map<StatementColumn, List<Integer>> found = new EnumMap<>(StatementColumn.class);
			List<String> row = records.get(r);
			for (int c = 0; c < row.size(); c++) {
				StatementColumn column = StatementColumn.of(row.get(c));
				if (column != null) {
					found.computeIfAbsent(column, k -> new ArrayList<>()).add(c);
				}
			}
			if (found.containsKey(StatementColumn.DATE)
					&& (found.containsKey(StatementColumn.AMOUNT) || found.containsKey(StatementColumn.CREDIT))) {
				headerAt = r;
				columns = found;
				headers = row.stream().map(String::strip).toList();
			}
		}
		if (headerAt < 0) {
			throw new BadInputException("fund.statement.no-header");
		}
		String layout = format + (columns.containsKey(StatementColumn.CREDIT) ? " " + headers.get(columns.get(StatementColumn.CREDIT).get(0)) : "");
		List<Row> rows = new ArrayList<>();
		for (int r = headerAt + 1; r < records.size(); r++) {
			List<String> cells = records.get(r).stream().map(StatementFile::clean).toList();
			if (cells.stream().allMatch(String::isEmpty)) {
				continue;
			}
			String first = cells.stream().filter(s -> !s.isEmpty()).findFirst().orElse("");
			if (first.startsWith("合计") || first.startsWith("总计") || first.startsWith("本页合计") || first.startsWith("小计")) {
				continue;
			}
			if (rows.size() >= maxRows) {
				throw new TooLargeException("fund.statement.too-many-rows", maxRows);
			}
			rows.add(row(r + 1, cells, columns, headers));
		}
		if (rows.isEmpty()) {
			throw new BadInputException("fund.statement.no-rows");
		}
		return new Parsed(layout, rows);
	}

	private static Row row(int line, List<String> cells, Map<StatementColumn, List<Integer>> columns, List<String> headers) {
		int dateAt = columns.get(StatementColumn.DATE).get(0);
		LocalDateTime at = date(cell(cells, dateAt)).orElseThrow(
				() -> new BadInputException("fund.statement.bad-date", line, headers.get(dateAt), cell(cells, dateAt)));
		long amount;
		if (columns.containsKey(StatementColumn.CREDIT)) {
			long credit = amount(line, cells, columns.get(StatementColumn.CREDIT).get(0), headers);
			Integer debitAt = columns.containsKey(StatementColumn.DEBIT) ? columns.get(StatementColumn.DEBIT).get(0) : null;
			long debit = debitAt == null ? 0 : amount(line, cells, debitAt, headers);
			if (credit != 0 && debit != 0) {
				throw new BadInputException("fund.statement.both-amounts", line);
			}
			amount = credit != 0 ? Math.abs(credit) : -Math.abs(debit);
			if (amount == 0) {
				throw new BadInputException("fund.statement.no-amount", line, headers.get(columns.get(StatementColumn.CREDIT).get(0)));
			}
		}
		else {
			int amountAt = columns.get(StatementColumn.AMOUNT).get(0);
			amount = amount(line, cells, amountAt, headers);
			if (amount == 0) {
				throw new BadInputException("fund.statement.no-amount", line, headers.get(amountAt));
			}
		}
		Long balance = null;
		if (columns.containsKey(StatementColumn.BALANCE)) {
			int balanceAt = columns.get(StatementColumn.BALANCE).get(0);
			balance = cell(cells, balanceAt).isEmpty() ? null : amount(line, cells, balanceAt, headers);
		}
		Map<String, Boolean> summary = new LinkedHashMap<>();
		for (int c : columns.getOrDefault(StatementColumn.SUMMARY, List.of())) {
			if (!cell(cells, c).isEmpty()) {
				summary.put(cell(cells, c), true);
			}
		}
		return new Row(line, at, amount, first(cells, columns.get(StatementColumn.NAME)), first(cells, columns.get(StatementColumn.ACCOUNT)),
				String.join(" ", summary.keySet()), balance);
	}

	private static String first(List<String> cells, List<Integer> at) {
		return at == null ? null : cell(cells, at.get(0)).isEmpty() ? null : cell(cells, at.get(0));
	}

	private static String cell(List<String> cells, int at) {
		return at < cells.size() ? cells.get(at) : "";
	}

	private static long amount(int line, List<String> cells, int at, List<String> headers) {
		String raw = cell(cells, at);
		String s = raw.replaceAll("[,，\\s¥￥元]|RMB|CNY", "");
		if (s.startsWith("+")) {
			s = s.substring(1);
		}
		if (s.isEmpty() || s.equals("-")) {
			return 0;
		}
		try {
			BigDecimal yuan = new BigDecimal(s);
			if (yuan.stripTrailingZeros().scale() > 2 || yuan.abs().compareTo(BigDecimal.valueOf(Giving.MAX_GIFT_FEN)) > 0) {
				throw new NumberFormatException(s);
			}
			return yuan.movePointRight(2).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			throw new BadInputException("fund.statement.bad-amount", line, headers.get(at), raw);
		}
	}

	/** 2026-12-07, 2026/12/7, 2026年12月7日, 20261207, with a time or not (ICBC's 2026-12-07-10.11.12.123456 too). */
	static java.util.Optional<LocalDateTime> date(String text) {
		try {
			Matcher m = DATE.matcher(text);
			if (!m.matches()) {
				m = COMPACT_DATE.matcher(text);
				if (!m.matches()) {
					return java.util.Optional.empty();
				}
			}
			LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
			if (day.getYear() < 1990 || day.getYear() > 2200) {
				return java.util.Optional.empty();
			}
			int h = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
			int min = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
			int sec = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
			return java.util.Optional.of(day.atTime(h, min, sec));
		}
		catch (java.time.DateTimeException | NumberFormatException e) {
			return java.util.Optional.empty();
		}
	}

	/** A cell as people read it: trimmed, full-width digits and letters made ASCII, Excel's tab and ="…" wrappers removed. */
	static String clean(String cell) {
		if (cell == null) {
			return "";
		}
		StringBuilder b = new StringBuilder(cell.length());
		for (char c : cell.toCharArray()) {
			b.append(c >= '！' && c <= '～' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c);
		}
		String s = b.toString().replace("\t", "").strip();
		if (s.startsWith("=\"") && s.endsWith("\"")) {
			s = s.substring(2, s.length() - 1).strip();
		}
		return s.length() > 500 ? s.substring(0, 500) : s;
	}
}
