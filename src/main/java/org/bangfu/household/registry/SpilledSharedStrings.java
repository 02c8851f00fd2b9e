package org.bangfu.household.registry;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.bangfu.shared.BadInputException;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An XLSX file's shared strings kept on disk, not in the heap: a crafted file whose strings part
 * expands to hundreds of megabytes (compressed well enough to pass the zip-bomb ratio) once took the
 * whole application down while the upload was only being probed for its header. Strings are written
 * to a scratch file as UTF-8 with an index of offsets (8 bytes a string); a string is read back when
 * a cell names it. The text is bounded in total, per string and in count, and beyond that the file
 * is refused as too large.
 */
final class SpilledSharedStrings implements SharedStrings, Closeable {

	/** Excel's own limit on a cell's text. */
	static final int MAX_STRING_CHARS = 32_767;

	static final long MAX_TOTAL_BYTES = 256L << 20;

	static final int MAX_STRINGS = 4_000_000;

	private final Path file;

	private final FileChannel channel;

	private long[] offsets = new long[1024];

	private int count;

	private SpilledSharedStrings(Path file, FileChannel channel) {
		this.file = file;
		this.channel = channel;
	}

	/** Reads the shared strings part (absent: no strings) into a scratch file beside the other temporary files. */
	static SpilledSharedStrings read(InputStream part) {
		Path file;
		try {
			file = Files.createTempFile("xlsx-strings", ".bin");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		try {
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
				Writer writer = new Writer(out);
				if (part != null) {
					try (InputStream in = part) {
						XMLReader xml = XMLHelper.newXMLReader();
						xml.setContentHandler(writer);
						xml.parse(new InputSource(in));
					}
				}
				SpilledSharedStrings strings = new SpilledSharedStrings(file, FileChannel.open(file, StandardOpenOption.READ));
				strings.offsets = Arrays.copyOf(writer.offsets, writer.count + 1);
				strings.count = writer.count;
				return strings;
			}
		}
		catch (BadInputException e) {
			delete(file);
			throw e;
		}
		catch (SAXException e) {
			delete(file);
			throw e.getCause() instanceof BadInputException b ? b : new BadInputException("registry.file.corrupt");
		}
		catch (Exception e) {
			delete(file);
			throw new BadInputException("registry.file.corrupt");
		}
	}

	/** Writes each {@code <si>}'s text (its {@code <t>} runs, not the phonetic {@code <rPh>} ones) and records where it starts. */
	private static final class Writer extends DefaultHandler {

		private final OutputStream out;

		private final StringBuilder text = new StringBuilder();

		private long[] offsets = new long[1024];

		private int count;

		private long written;

		private boolean inT;

		private boolean inPhonetic;

		Writer(OutputStream out) {
			this.out = out;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			switch (localName) {
				case "si" -> text.setLength(0);
				case "t" -> inT = !inPhonetic;
				case "rPh" -> inPhonetic = true;
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String qName) throws SAXException {
			switch (localName) {
				case "t" -> inT = false;
				case "rPh" -> inPhonetic = false;
				case "si" -> add();
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] ch, int start, int length) throws SAXException {
			if (inT) {
				if (text.length() + length > MAX_STRING_CHARS) {
					throw new SAXException(new BadInputException("registry.file.too-large"));
				}
				text.append(ch, start, length);
			}
		}

		private void add() throws SAXException {
			if (count >= MAX_STRINGS) {
				throw new SAXException(new BadInputException("registry.file.too-large"));
			}
			byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
			if (written + bytes.length > MAX_TOTAL_BYTES) {
				throw new SAXException(new BadInputException("registry.file.too-large"));
			}
			if (count + 1 >= offsets.length) {
				offsets = Arrays.copyOf(offsets, offsets.length * 2);
			}
			offsets[count] = written;
			try {
				out.write(bytes);
			}
			catch (IOException e) {
				throw new SAXException(e);
			}
			written += bytes.length;
			count++;
			offsets[count] = written;
		}
	}

	@Override
	public RichTextString getItemAt(int idx) {
		if (idx < 0 || idx >= count) {
			throw new BadInputException("registry.file.corrupt");
		}
		ByteBuffer buffer = ByteBuffer.allocate((int) (offsets[idx + 1] - offsets[idx]));
		try {
			long position = offsets[idx];
			while (buffer.hasRemaining()) {
				int n = channel.read(buffer, position);
				if (n < 0) {
					throw new BadInputException("registry.file.corrupt");
				}
				position += n;
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return new XSSFRichTextString(new String(buffer.array(), StandardCharsets.UTF_8));
	}

	@Override
	public int getCount() {
		return count;
	}

	@Override
	public int getUniqueCount() {
		return count;
	}

	@Override
	public void close() {
		try {
			channel.close();
		}
		catch (IOException e) {
			// the file goes anyway
		}
		delete(file);
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			file.toFile().deleteOnExit();
		}
	}
}
