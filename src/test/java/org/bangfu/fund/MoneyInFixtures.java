package org.bangfu.fund;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.ApiClient;

/**
 * The bank statement samples of src/test/resources/fund/ with their placeholders filled in: {C1}, {C2}… the reference codes
 * of the gifts a test made, {N} a nonce (so that rows without a code are new in every test and every run).
 */
final class MoneyInFixtures {

	static final String DONOR = "13800000021";

	static final String STAFF = "13800000031";

	static final String STAFF_2 = "13800000032";

	private MoneyInFixtures() {
	}

	static byte[] resource(String name) {
		try (InputStream in = MoneyInFixtures.class.getResourceAsStream("/fund/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A CSV sample in its own encoding, placeholders replaced. */
	static byte[] csv(String name, Charset charset, Map<String, String> values) {
		String text = new String(resource(name), charset);
		return fill(text, values).getBytes(charset);
	}

	static String fill(String text, Map<String, String> values) {
		String nonce = "N" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
		String out = text.replace("{N}", nonce);
		for (var e : values.entrySet()) {
			out = out.replace("{" + e.getKey() + "}", e.getValue());
		}
		return out;
	}

	/** The XLSX sample, placeholders in its text cells replaced. */
	static byte[] xlsx(String name, Map<String, String> values) {
		try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(resource(name)))) {
			for (Sheet sheet : wb) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						if (cell.getCellType() == CellType.STRING) {
							cell.setCellValue(fill(cell.getStringCellValue(), values));
						}
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A gift of the amount to the need's money line (position 0): its reference code. */
	static String give(ApiClient api, String token, long needId, long amountFen) {
		ApiClient.Answer a = api.post("/api/v1/needs/" + needId + "/gifts", "{\"itemId\":0,\"amountFen\":" + amountFen + ",\"ifUnfunded\":\"REFUND\"}",
				token);
		if (a.status() != 201) {
			throw new IllegalStateException("gift refused: " + a);
		}
		return a.json().get("referenceCode").asString();
	}

	static ApiClient.Answer upload(ApiClient api, String token, String fileName, byte[] content) {
		String type = fileName.endsWith(".xlsx") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv";
		return api.postFile("/api/v1/fund/statements", "file", fileName, type, content, token);
	}
}
