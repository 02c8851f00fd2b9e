package org.bangfu.household.registry;

import org.bangfu.shared.UnsupportedFormatException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.bangfu.shared.BadInputException;

/**
 * A registry file as county centers pass it around (DESIGN.md §9): CSV in UTF-8 (with or without
 * BOM), UTF-16 or GBK/GB18030, XLSX or legacy XLS — recognised by content, not by name. Rows stream
 * with bounded memory whatever the file holds (XLSX through {@link XlsxRows}, CSV lines bounded in length); title rows above the
 * header, blank rows and a totals row are skipped; headers are mapped by name.
 */
public final class RegistryFile implements AutoCloseable {

	/** A data row: its line as a person sees it in Excel or an editor, and its cleaned cells by column. */
	public record RawRow(int line, Map<RegistryColumn, String> values) {

		public String get(RegistryColumn column) {
			String v = values.get(column);
			return v == null || v.isEmpty() ? null : v;
		}
	}

	private static final int HEADER_SEARCH_ROWS = 20;

	private final Iterator<List<String>> cells;

	private final AutoCloseable resource;

	private Map<Integer, RegistryColumn> columns;

	private int line;

	private RegistryFile(Iterator<List<String>> cells, AutoCloseable resource) {
		this.cells = cells;
		this.resource = resource;
	}

	public static RegistryFile open(Path file, String originalFileName) {
		byte[] head = new byte[8];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (n == 0) {
			throw new BadInputException("import.empty");
		}
		RegistryFile registry;
		if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
			registry = xlsx(file);
		}
		else if (n >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11 && (head[3] & 0xff) == 0xE0) {
			registry = xls(file);
		}
		else if (looksBinary(file)) {
			throw new UnsupportedFormatException("registry.file.type");
		}
		else {
			registry = csv(file);
		}
		registry.findHeader();
		return registry;
	}

	/** The mapped header: which column each recognised header cell feeds. */
	public Map<Integer, RegistryColumn> columns() {
		return columns;
	}

	public Iterator<RawRow> rows() {
		return new Lookahead<>() {
			@Override
			protected RawRow fetch() {
				return advance();
			}
		};
	}

	/** An iterator that fetches one element ahead; null from {@link #fetch} ends it. */
	abstract static class Lookahead<T> implements Iterator<T> {

		private T next;

		private boolean fetched;

		protected abstract T fetch();

		@Override
		public boolean hasNext() {
			if (!fetched) {
				next = fetch();
				fetched = true;
			}
			return next != null;
		}

		@Override
		public T next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			fetched = false;
			return next;
		}
	}

	private RawRow advance() {
		while (cells.hasNext()) {
			List<String> row = cells.next();
			line++;
			Map<RegistryColumn, String> values = new EnumMap<>(RegistryColumn.class);
			String first = null;
			for (Map.Entry<Integer, RegistryColumn> c : columns.entrySet()) {
				String v = c.getKey() < row.size() ? Text.normalise(row.get(c.getKey())) : "";
				if (!v.isEmpty()) {
					values.put(c.getValue(), v);
				}
			}
			for (String cell : row) {
				String v = Text.normalise(cell);
				if (!v.isEmpty()) {
					first = v;
					break;
				}
			}
			if (first == null) {
				continue; // blank row
			}
			if (first.startsWith("合计") || first.startsWith("总计") || first.startsWith("小计")
					|| (values.get(RegistryColumn.NAME) == null && values.get(RegistryColumn.ID_NUMBER) == null
							&& values.get(RegistryColumn.HOUSEHOLD_NUMBER) == null)) {
				continue; // a totals or notes row
			}
			return new RawRow(line, values);
		}
		return null;
	}

	private void findHeader() {
		for (int i = 0; i < HEADER_SEARCH_ROWS && cells.hasNext(); i++) {
			List<String> row = cells.next();
			line++;
			Map<Integer, RegistryColumn> mapped = new java.util.TreeMap<>();
			for (int c = 0; c < row.size(); c++) {
				int index = c;
				RegistryColumn.of(row.get(c)).ifPresent(col -> {
					if (!mapped.containsValue(col)) {
						mapped.put(index, col);
					}
				});
			}
			if (mapped.size() >= 4) {
				List<String> missing = RegistryColumn.REQUIRED.stream().filter(r -> !mapped.containsValue(r)).map(RegistryFile::label).toList();
				if (!missing.isEmpty()) {
					throw new BadInputException("registry.file.headers-missing", String.join("、", missing));
				}
				columns = mapped;
				return;
			}
		}
		throw new BadInputException("registry.file.headers",
				RegistryColumn.REQUIRED.stream().map(RegistryFile::label).collect(Collectors.joining("、")));
	}

	private static String label(RegistryColumn c) {
		return switch (c) {
			case VILLAGE -> "行政村";
			case HOUSEHOLD_NUMBER -> "户编号";
			case NAME -> "姓名";
			case ID_NUMBER -> "证件号码";
			case RELATION -> "与户主关系";
			default -> c.name();
		};
	}

	@Override
	public void close() {
		try {
			resource.close();
		}
		catch (Exception e) {
			// reading is over; a failure to release the file changes nothing of what was read
		}
	}

	// --- CSV -------------------------------------------------------------------------------

	private static boolean looksBinary(Path file) {
		byte[] head = new byte[4096];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		boolean utf16 = n >= 2 && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF);
		if (utf16) {
			return false;
		}
		if (n >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
			return true;
		}
		for (int i = 0; i < n; i++) {
			if (head[i] == 0) {
				return true;
			}
		}
		return false;
	}

	private static Charset charsetOf(Path file) {
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
			in.mark(4);
			byte[] bom = in.readNBytes(3);
			in.reset();
			if (bom.length >= 2 && (bom[0] & 0xff) == 0xFF && (bom[1] & 0xff) == 0xFE) {
				return StandardCharsets.UTF_16LE;
			}
			if (bom.length >= 2 && (bom[0] & 0xff) == 0xFE && (bom[1] & 0xff) == 0xFF) {
				return StandardCharsets.UTF_16BE;
			}
			// valid UTF-8 all through, or else the Chinese national standard encoding (GB18030 ⊃ GBK)
			CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			try (Reader r = new InputStreamReader(in, utf8)) {
				char[] buffer = new char[1 << 16];
				while (r.read(buffer) >= 0) {
					// decoding is the check
				}
				return StandardCharsets.UTF_8;
			}
			catch (CharacterCodingException e) {
				return Charset.forName("GB18030");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static RegistryFile csv(Path file) {
		Charset charset = charsetOf(file);
		try {
			BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset), 1 << 16);
			reader.mark(1);
			int first = reader.read();
			if (first != '\uFEFF' && first != -1) {
				reader.reset();
			}
			return new RegistryFile(new CsvRows(reader), reader);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks; tab-separated files too. */
	private static final class CsvRows extends Lookahead<List<String>> {

		private final BufferedReader reader;

		private Character separator;

		/** No roster line comes near these; a file without line breaks is not read into memory whole. */
		static final int MAX_LINE_CHARS = 64 * 1024;

		static final int MAX_RECORD_CHARS = 256 * 1024;

		private final StringBuilder lineBuffer = new StringBuilder(256);

		CsvRows(BufferedReader reader) {
			this.reader = reader;
		}

		/** The next line without its line break, as {@link BufferedReader#readLine()}, refused beyond {@link #MAX_LINE_CHARS}. */
		private String boundedLine() throws IOException {
			lineBuffer.setLength(0);
			int c;
			while ((c = reader.read()) >= 0) {
				if (c == '\n') {
					break;
				}
				if (lineBuffer.length() >= MAX_LINE_CHARS) {
					throw new BadInputException("registry.file.line-too-long");
				}
				lineBuffer.append((char) c);
			}
			if (c < 0 && lineBuffer.isEmpty()) {
				return null;
			}
			int end = lineBuffer.length();
			if (end > 0 && lineBuffer.charAt(end - 1) == '\r') {
				end--;
			}
			return lineBuffer.substring(0, end);
		}

		@Override
		protected List<String> fetch() {
			try {
				String line = boundedLine();
				if (line == null) {
					return null;
				}
				int recordChars = line.length();
				if (separator == null) {
					separator = line.indexOf(',') < 0 && line.indexOf('\t') >= 0 ? '\t' : ',';
				}
				List<String> fields = new ArrayList<>();
				StringBuilder field = new StringBuilder();
				boolean quoted = false;
				int i = 0;
				while (true) {
					if (i >= line.length()) {
						if (quoted) {
							String more = boundedLine();
							if (more == null) {
								break; // an unterminated quote at the end of the file: take what there is
							}
							if ((recordChars += more.length()) > MAX_RECORD_CHARS) {
								throw new BadInputException("registry.file.line-too-long");
							}
							field.append('\n');
							line = more;
							i = 0;
							continue;
						}
						break;
					}
					char c = line.charAt(i++);
					if (quoted) {
						if (c == '"') {
							if (i < line.length() && line.charAt(i) == '"') {
								field.append('"');
								i++;
							}
							else {
								quoted = false;
							}
						}
						else {
							field.append(c);
						}
					}
					else if (c == '"' && field.isEmpty()) {
						quoted = true;
					}
					else if (c == separator) {
						fields.add(field.toString());
						field.setLength(0);
					}
					else {
						field.append(c);
					}
				}
				fields.add(field.toString());
				return fields;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
	}

	// --- XLS ---------------------------------------------------------------------------------

	/** XLS holds at most 65,536 rows; a larger file is not a roster, and POI would read it whole into memory. */
	static final long MAX_XLS_BYTES = 32L << 20;

	private static RegistryFile xls(Path file) {
		try {
			if (Files.size(file) > MAX_XLS_BYTES) {
				throw new BadInputException("registry.file.xls-too-large");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		try (InputStream in = Files.newInputStream(file); HSSFWorkbook book = new HSSFWorkbook(in)) {
			Sheet sheet = book.getSheetAt(0);
			DataFormatter formatter = new ExactFormatter();
			List<List<String>> rows = new ArrayList<>();
			int last = sheet.getLastRowNum();
			for (int r = 0; r <= last; r++) {
				org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
						Cell cell = row.getCell(c);
						cells.add(cell == null ? "" : formatter.formatCellValue(cell));
					}
				}
				rows.add(cells);
			}
			return new RegistryFile(rows.iterator(), () -> { });
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof BadInputException b) {
				throw b;
			}
			throw new BadInputException("registry.file.corrupt");
		}
	}

	// --- XLSX ------------------------------------------------------------------------------

	/** Numbers as typed (no exponent, no ".0"), dates as ISO dates. */
	static final class ExactFormatter extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
			}
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}

		@Override
		public String formatCellValue(Cell cell) {
			if (cell != null && cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
				if (DateUtil.isCellDateFormatted(cell)) {
					return cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
				}
				return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			}
			return super.formatCellValue(cell);
		}
	}

	private static RegistryFile xlsx(Path file) {
		XlsxRows rows = XlsxRows.open(file);
		return new RegistryFile(rows, rows);
	}
}
