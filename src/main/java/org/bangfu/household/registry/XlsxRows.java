package org.bangfu.household.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.bangfu.shared.BadInputException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The rows of an XLSX file's first sheet, read by POI's SAX reader on a producer thread, in memory
 * bounded whatever the file holds: shared strings spill to disk ({@link SpilledSharedStrings}), the
 * styles part is read only up to a size, a cell's text is bounded by Excel's own limit, rows by
 * Excel's row count and cells beyond {@value #MAX_COLUMNS} columns (no roster has that many) are
 * ignored. The XML parser is POI's hardened one (no DTDs, no external entities).
 */
final class XlsxRows extends RegistryFile.Lookahead<List<String>> implements AutoCloseable {

	static final int MAX_COLUMNS = 256;

	static final int MAX_ROWS = 1 << 20;

	static final long MAX_STYLES_BYTES = 16L << 20;

	private static final List<String> END = List.of();

	private final BlockingQueue<List<String>> queue = new ArrayBlockingQueue<>(2048);

	private final List<Throwable> failure = new ArrayList<>(1);

	private final OPCPackage pkg;

	private final Thread producer;

	private XlsxRows(OPCPackage pkg, XSSFReader reader) {
		this.pkg = pkg;
		this.producer = new Thread(() -> produce(reader), "registry-xlsx-reader");
		producer.setDaemon(true);
	}

	static XlsxRows open(Path file) {
		OPCPackage pkg;
		XSSFReader reader;
		try {
			pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
			reader = new XSSFReader(pkg);
		}
		catch (Exception e) {
			throw new BadInputException("registry.file.corrupt");
		}
		XlsxRows rows = new XlsxRows(pkg, reader);
		rows.producer.start();
		return rows;
	}

	private void produce(XSSFReader reader) {
		try (SpilledSharedStrings strings = SpilledSharedStrings.read(sharedStrings(reader))) {
			StylesTable styles = styles(reader);
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new BadInputException("registry.file.corrupt");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader xml = XMLHelper.newXMLReader();
				xml.setContentHandler(new BoundedCells(new XSSFSheetXMLHandler(styles, null, strings, new Cells(), new RegistryFile.ExactFormatter(), false)));
				xml.parse(new InputSource(sheet));
			}
		}
		catch (Throwable e) {
			failure.add(refusal(e));
		}
		finally {
			try {
				queue.put(END);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** What to tell the uploader: our own refusal from anywhere in the chain, POI's zip-bomb detection as "too large". */
	private static Throwable refusal(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof BadInputException) {
				return cause;
			}
			if (cause.getMessage() != null && cause.getMessage().contains("Zip bomb")) {
				return new BadInputException("registry.file.too-large");
			}
		}
		return e;
	}

	/** The styles (number and date formats), read only up to a size; none when the workbook has no styles part. */
	private static StylesTable styles(XSSFReader reader) throws IOException {
		InputStream in;
		try {
			in = reader.getStylesData();
		}
		catch (Exception e) {
			return null;
		}
		if (in == null) {
			return null;
		}
		StylesTable styles = new StylesTable();
		try (InputStream bounded = new BoundedInputStream(in, MAX_STYLES_BYTES)) {
			styles.readFrom(bounded);
		}
		return styles;
	}

	private static InputStream sharedStrings(XSSFReader reader) {
		try {
			return reader.getSharedStringsData();
		}
		catch (Exception e) {
			return null; // a workbook without text cells has no shared strings part
		}
	}

	@Override
	protected List<String> fetch() {
		try {
			List<String> r = queue.poll(10, TimeUnit.MINUTES);
			if (r == null || r == END) {
				if (!failure.isEmpty()) {
					Throwable f = failure.get(0);
					throw f instanceof BadInputException b ? b : new BadInputException("registry.file.corrupt");
				}
				return null;
			}
			return r;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	@Override
	public void close() {
		producer.interrupt();
		pkg.revert();
	}

	/** Hands each row to the queue as a list of cell texts, with blank rows for the rows a sheet leaves out. */
	private final class Cells implements XSSFSheetXMLHandler.SheetContentsHandler {

		private List<String> row;

		private int expectedRow;

		@Override
		public void startRow(int rowNum) {
			if (rowNum >= MAX_ROWS || rowNum < expectedRow) {
				throw new BadInputException("registry.file.corrupt");
			}
			// rows absent from the sheet are blank rows: keep line numbers as Excel shows them
			while (expectedRow < rowNum) {
				put(new ArrayList<>());
				expectedRow++;
			}
			row = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			put(row);
			expectedRow = rowNum + 1;
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = reference == null ? row.size() : new org.apache.poi.ss.util.CellReference(reference).getCol();
			if (column >= MAX_COLUMNS) {
				return;
			}
			while (row.size() < column) {
				row.add("");
			}
			row.add(value == null ? "" : value);
		}

		private void put(List<String> r) {
			try {
				queue.put(r);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("stopped");
			}
		}
	}

	/** Passes the sheet's XML on, refusing an element whose text is longer than any cell can hold. */
	private static final class BoundedCells extends DefaultHandler {

		private final DefaultHandler sheet;

		private int chars;

		BoundedCells(DefaultHandler sheet) {
			this.sheet = sheet;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
			chars = 0;
			sheet.startElement(uri, localName, qName, attributes);
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			sheet.endElement(uri, localName, qName);
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			chars += length;
			if (chars > 2 * SpilledSharedStrings.MAX_STRING_CHARS) {
				throw new SAXException(new BadInputException("registry.file.too-large"));
			}
			sheet.characters(ch, start, length);
		}
	}

	/** A stream that refuses to go past a size: for the parts POI reads whole into memory. */
	private static final class BoundedInputStream extends InputStream {

		private final InputStream in;

		private long left;

		BoundedInputStream(InputStream in, long limit) {
			this.in = in;
			this.left = limit;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = in.read(b, off, len);
			if (n > 0 && (left -= n) < 0) {
				throw new BadInputException("registry.file.too-large");
			}
			return n;
		}
	}
}
