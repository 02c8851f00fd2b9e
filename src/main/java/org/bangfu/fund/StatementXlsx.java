package org.bangfu.fund;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.TooLargeException;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The cells of an XLSX statement's first sheet, as text. Safe against decompression bombs before POI sees the file: every
 * zip entry is inflated once and counted, and a file whose parts unpack to more than {@value #MAX_UNPACKED_BYTES} bytes
 * (or one part beyond {@value #MAX_ENTRY_BYTES}, or more than {@value #MAX_ENTRIES} parts) is refused; POI's own
 * ZipSecureFile ratio check stays on as well, and its XML parser allows no DTDs or external entities. The sheet is read
 * by POI's SAX reader, stopping past the row limit. Dates come out as {@code yyyy-MM-dd HH:mm:ss}, numbers exactly.
 */
final class StatementXlsx {

	static final long MAX_UNPACKED_BYTES = 64L << 20;

	static final long MAX_ENTRY_BYTES = 48L << 20;

	static final int MAX_ENTRIES = 500;

	private static final int MAX_COLUMNS = 64;

	private StatementXlsx() {
	}

	static List<List<String>> cells(byte[] content, int maxRecords) {
		checkUnpackedSize(content);
		List<List<String>> rows = new ArrayList<>();
		try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(content))) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new BadInputException("fund.statement.corrupt");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader xml = XMLHelper.newXMLReader();
				xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, new Cells(rows, maxRecords), new Exact(),
						false));
				xml.parse(new InputSource(sheet));
			}
		}
		catch (BadInputException e) {
			throw e;
		}
		catch (Exception e) {
			for (Throwable cause = e; cause != null; cause = cause.getCause()) {
				if (cause instanceof BadInputException b) {
					throw b;
				}
				if (cause.getMessage() != null && cause.getMessage().contains("Zip bomb")) {
					throw new TooLargeException("fund.statement.unpacked-too-large");
				}
			}
			throw new BadInputException("fund.statement.corrupt");
		}
		return rows;
	}

	/** Inflates each part once, counting, so that a small file that unpacks to gigabytes is refused before POI reads it. */
	private static void checkUnpackedSize(byte[] content) {
		long total = 0;
		int entries = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (++entries > MAX_ENTRIES) {
					throw new TooLargeException("fund.statement.unpacked-too-large");
				}
				long size = 0;
				for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
					size += n;
					total += n;
					if (size > MAX_ENTRY_BYTES || total > MAX_UNPACKED_BYTES) {
						throw new TooLargeException("fund.statement.unpacked-too-large");
					}
				}
			}
		}
		catch (IOException | IllegalArgumentException e) {
			throw new BadInputException("fund.statement.corrupt");
		}
		if (entries == 0) {
			throw new BadInputException("fund.statement.corrupt");
		}
	}

	/** Rows as lists of cell texts, with blank rows for the rows a sheet leaves out (line numbers as Excel shows them). */
	private record Cells(List<List<String>> rows, int maxRecords) implements XSSFSheetXMLHandler.SheetContentsHandler {

		@Override
		public void startRow(int rowNum) {
			if (rowNum > maxRecords) {
				throw new TooLargeException("fund.statement.too-many-rows", maxRecords);
			}
			while (rows.size() < rowNum) {
				rows.add(new ArrayList<>());
			}
			rows.add(new ArrayList<>());
		}

		@Override
		public void endRow(int rowNum) {
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			List<String> row = rows.get(rows.size() - 1);
			int column = reference == null ? row.size() : new org.apache.poi.ss.util.CellReference(reference).getCol();
			if (column >= MAX_COLUMNS) {
				return;
			}
			while (row.size() < column) {
				row.add("");
			}
			row.add(value == null ? "" : value);
		}
	}

	/** Dates as ISO text whatever their display format; numbers as their exact stored value, not as displayed (1,234.50). */
	private static final class Exact extends DataFormatter {

		private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value, use1904Windowing).format(ISO);
			}
			return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			return formatRawCellContents(value, formatIndex, formatString, false);
		}
	}
}
