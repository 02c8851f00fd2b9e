package org.bangfu.stats.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;
import org.bangfu.supervision.InspectionReports;
import org.springframework.stereotype.Component;

/**
 * Supervision's public figures on the statistics page and its workbook (issue 16): needs checked by supervision and
 * needs found false, since the start, for the region and, below a city, each county. Counts only.
 */
@Component
class AuditFigures {

	private final InspectionReports reports;

	private final Regions regions;

	AuditFigures(InspectionReports reports, Regions regions) {
		this.reports = reports;
		this.regions = regions;
	}

	record Line(String code, String name, long audited, long foundFalse) {
	}

	List<Line> of(Region region) {
		List<Line> lines = new ArrayList<>();
		lines.add(line(region));
		if (region.level().ordinal() < RegionLevel.COUNTY.ordinal()) {
			regions.children(region.regionCode(), null).stream().map(Regions.RegionNode::region).map(this::line).forEach(lines::add);
		}
		return lines;
	}

	private Line line(Region r) {
		InspectionReports.PublicCounts c = reports.publicCounts(r);
		return new Line(r.code(), r.name(), c.audited(), c.foundFalse());
	}

	/** The workbook with a sheet of these figures added. */
	byte[] append(byte[] book, List<Line> lines, BiFunction<String, Object[], String> text) {
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(book)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet(text.apply("stats.audits.sheet", null));
			Row head = sheet.createRow(0);
			head.createCell(0).setCellValue(text.apply("stats.audits.region", null));
			head.createCell(1).setCellValue(text.apply("stats.audits.audited", null));
			head.createCell(2).setCellValue(text.apply("stats.audits.false", null));
			int n = 1;
			for (Line l : lines) {
				Row row = sheet.createRow(n++);
				row.createCell(0).setCellValue(l.name());
				row.createCell(1).setCellValue(l.audited());
				row.createCell(2).setCellValue(l.foundFalse());
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
