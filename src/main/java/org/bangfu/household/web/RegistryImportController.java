package org.bangfu.household.web;

import org.bangfu.shared.web.FailureStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.bangfu.account.BangfuUser;
import org.bangfu.household.Households;
import org.bangfu.household.RegistryImports;
import org.bangfu.region.Region;
import org.bangfu.shared.BadInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

/** Uploading registry files, following their import, downloading the template and the report. */
@Controller
@Tag(name = "households", description = "建档立卡贫困户（工作人员，按管辖范围，脱敏）")
class RegistryImportController {

	/** The template's columns, in the order county centers' exports usually have them. */
	static final List<String> TEMPLATE_HEADERS = List.of("县", "乡（镇）", "行政村", "户编号", "人编号", "姓名", "证件号码", "与户主关系", "性别",
			"民族", "文化程度", "在校生状况", "健康状况", "劳动技能", "务工状况", "贫困户属性", "主要致贫原因", "脱贫属性", "脱贫年度", "联系电话");

	private final RegistryImports imports;

	private final Households households;

	private final MessageSource messages;

	RegistryImportController(RegistryImports imports, Households households, MessageSource messages) {
		this.imports = imports;
		this.households = households;
		this.messages = messages;
	}

	record Accepted(long id) {
	}

	record JobView(RegistryImports.Job job, List<RegistryImports.Problem> problems) {
	}

	@PostMapping(path = "/api/v1/households/imports", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseBody
	@Operation(summary = "导入建档立卡名册（CSV、XLSX 或 XLS）", description = "multipart 字段 file；只导入到调用者的管辖范围（region 可指定其中一部分）。"
			+ "立即返回 202 和任务 id，用 GET /api/v1/households/imports/{id} 查看进度和逐行报告。", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Accepted> upload(@AuthenticationPrincipal BangfuUser user, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String region) throws IOException {
		long id = submit(user, file, region);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(id));
	}

	@GetMapping("/api/v1/households/imports/{id}")
	@ResponseBody
	@Operation(summary = "导入任务的进度与报告（最多前 1000 条问题）", security = @SecurityRequirement(name = "bearer"))
	JobView job(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		return new JobView(imports.get(user, id), imports.problems(id, 1000));
	}

	@GetMapping({ "/api/v1/households/imports/{id}/report.xlsx", "/households/imports/{id}/report.xlsx" })
	void report(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, HttpServletResponse response) throws IOException {
		RegistryImports.Job job = imports.get(user, id);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-report.xlsx\"");
		try (SXSSFWorkbook book = new SXSSFWorkbook(200); OutputStream out = response.getOutputStream()) {
			Sheet sheet = book.createSheet("导入报告");
			Row title = sheet.createRow(0);
			title.createCell(0).setCellValue(job.fileName());
			Row header = sheet.createRow(1);
			header.createCell(0).setCellValue("行号");
			header.createCell(1).setCellValue("列");
			header.createCell(2).setCellValue("原因");
			int r = 2;
			for (RegistryImports.Problem p : imports.problems(id, 1_000_000)) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(p.line());
				row.createCell(1).setCellValue(p.column() == null ? "" : p.column());
				row.createCell(2).setCellValue(p.message());
			}
			book.write(out);
		}
	}

	@GetMapping("/households/imports/template.xlsx")
	void templateXlsx(HttpServletResponse response) throws IOException {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", "attachment; filename=\"registry-template.xlsx\"");
		try (SXSSFWorkbook book = new SXSSFWorkbook(); OutputStream out = response.getOutputStream()) {
			Sheet sheet = book.createSheet("花名册");
			Row header = sheet.createRow(0);
			for (int i = 0; i < TEMPLATE_HEADERS.size(); i++) {
				header.createCell(i).setCellValue(TEMPLATE_HEADERS.get(i));
			}
			book.write(out);
		}
	}

	@GetMapping("/households/imports/template.csv")
	void templateCsv(HttpServletResponse response) throws IOException {
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"registry-template.csv\"");
		response.getOutputStream().write(("\uFEFF" + String.join(",", TEMPLATE_HEADERS) + "\r\n").getBytes(StandardCharsets.UTF_8));
	}

	// --- pages -------------------------------------------------------------------------------

	@GetMapping("/households/imports")
	String page(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region, Model model) {
		// ?region= for staff whose grants are not under one region (the chooser links here with it)
		Region scope = households.staffScope(user, region);
		model.addAttribute("scope", scope);
		model.addAttribute("jobs", imports.recent(scope));
		model.addAttribute("mayImport", RegistryImports.mayImport(user));
		return "household/imports";
	}

	@PostMapping("/households/imports")
	String uploadPage(@AuthenticationPrincipal BangfuUser user, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String region, Model model, HttpServletResponse response) throws IOException {
		try {
			return "redirect:/households/imports/" + submit(user, file, region);
		}
		catch (BadInputException e) {
			if (FailureStatus.of(e).value() == 404) {
				throw e;
			}
			response.setStatus(FailureStatus.of(e).value());
			model.addAttribute("error", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
			return page(user, region, model);
		}
	}

	@GetMapping("/households/imports/{id}")
	String jobPage(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		model.addAttribute("job", imports.get(user, id));
		model.addAttribute("problems", imports.problems(id, 200));
		return "household/import";
	}

	/** The progress panel alone, polled by htmx every second while the import runs. */
	@GetMapping("/households/imports/{id}/progress")
	String progress(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		model.addAttribute("job", imports.get(user, id));
		model.addAttribute("problems", imports.problems(id, 200));
		return "household/import :: progress";
	}

	private long submit(BangfuUser user, MultipartFile file, String region) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new BadInputException("import.empty");
		}
		Region scope = households.staffScope(user, region);
		return imports.submit(user, scope, file.getOriginalFilename(), file.getInputStream());
	}
}
