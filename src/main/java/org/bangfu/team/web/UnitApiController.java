package org.bangfu.team.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.bangfu.account.BangfuUser;
import org.bangfu.need.PublicUrl;
import org.bangfu.need.QrCodes;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.team.JoinCodes;
import org.bangfu.team.RegistrationDrives;
import org.bangfu.team.RegistrationUnit;
import org.bangfu.team.UnitPrintShop;
import org.bangfu.team.UnitPrintables;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Registration drives' API (DESIGN.md §7): units, their counts, their QR code and printables. */
@RestController
@RequestMapping("/api/v1/units")
@Tag(name = "units", description = "扫码注册活动：注册单位（机关、企业、学校、村/社区）、注册人数、二维码、海报和胸牌")
class UnitApiController {

	private final RegistrationDrives drives;

	private final PublicUrl publicUrl;

	private final UnitPrintShop printShop;

	UnitApiController(RegistrationDrives drives, PublicUrl publicUrl, UnitPrintShop printShop) {
		this.drives = drives;
		this.publicUrl = publicUrl;
		this.printShop = printShop;
	}

	record NewUnit(String name, String kind, String regionCode) {
	}

	record Created(long id) {
	}

	/** A unit with its counts: the caring people it brought, and the pledges they made. */
	record UnitJson(long id, String name, String kind, String regionCode, String regionName, boolean open, long registrations, long pledges,
			String joinCode, String link) {
	}

	@PostMapping
	@Operation(summary = "创建注册单位", description = "name 单位名称（2 到 40 个字），kind：AGENCY 机关、COMPANY 企业、SCHOOL 学校、VILLAGE 村/社区、"
			+ "OTHER 其他；regionCode 为本人管辖范围内的区划（市、县级管理中心和乡镇服务站）。")
	ResponseEntity<Created> create(@AuthenticationPrincipal BangfuUser user, @RequestBody(required = false) NewUnit body) {
		if (body == null) {
			throw new BadInputException("unit.name-invalid", 2, 40);
		}
		long id = drives.create(user, body.name(), body.kind(), body.regionCode());
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(id));
	}

	@GetMapping
	@Operation(summary = "本人管辖范围内的注册单位及注册人数", description = "regionCode 可选，默认为本人最大的管辖范围。")
	List<UnitJson> list(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String regionCode, HttpServletRequest request) {
		String base = publicUrl.of(request);
		return drives.list(user, regionCode).stream().map(v -> json(v, base)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "一个注册单位及注册人数、带来的认领数")
	UnitJson get(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, HttpServletRequest request) {
		return json(drives.get(user, id), publicUrl.of(request));
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "结束该单位的扫码注册（之后扫码注册不再计入该单位）")
	UnitJson close(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, HttpServletRequest request) {
		drives.close(user, id);
		return json(drives.get(user, id), publicUrl.of(request));
	}

	@PostMapping("/{id}/reopen")
	@Operation(summary = "重新开放该单位的扫码注册")
	UnitJson reopen(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, HttpServletRequest request) {
		drives.reopen(user, id);
		return json(drives.get(user, id), publicUrl.of(request));
	}

	@GetMapping(value = "/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "单位的注册二维码（PNG），内容为注册链接 {base}/join/U-{id}（公开）")
	ResponseEntity<byte[]> qr(@PathVariable long id, HttpServletRequest request) {
		RegistrationUnit u = unit(id);
		return image(MediaType.IMAGE_PNG, QrCodes.png(JoinCodes.unitLink(publicUrl.of(request), u.id()), 600));
	}

	@GetMapping(value = "/{id}/poster.png", produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "A4 海报（PNG，300 dpi）：平台名称、单位、二维码、注册三步（公开）")
	ResponseEntity<byte[]> posterPng(@PathVariable long id, HttpServletRequest request) {
		return printable(MediaType.IMAGE_PNG, "poster.png", unit(id), request, (u, link) -> UnitPrintables.png(poster(u, link)));
	}

	@GetMapping(value = "/{id}/poster.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "A4 海报（PDF）（公开）")
	ResponseEntity<byte[]> posterPdf(@PathVariable long id, HttpServletRequest request) {
		return printable(MediaType.APPLICATION_PDF, "poster.pdf", unit(id), request, (u, link) -> UnitPrintables.posterPdf(poster(u, link)));
	}

	@GetMapping(value = "/{id}/badge.png", produces = MediaType.IMAGE_PNG_VALUE)
	@Operation(summary = "马甲胸牌 90×120 mm（PNG，300 dpi）（公开）")
	ResponseEntity<byte[]> badgePng(@PathVariable long id, HttpServletRequest request) {
		return printable(MediaType.IMAGE_PNG, "badge.png", unit(id), request, (u, link) -> UnitPrintables.png(UnitPrintables.badge(u.name(), link)));
	}

	@GetMapping(value = "/{id}/badge.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "马甲胸牌（PDF）：一张 A4 四枚，带裁切线（公开）")
	ResponseEntity<byte[]> badgePdf(@PathVariable long id, HttpServletRequest request) {
		return printable(MediaType.APPLICATION_PDF, "badge.pdf", unit(id), request,
				(u, link) -> UnitPrintables.badgePdf(UnitPrintables.badge(u.name(), link)));
	}

	private RegistrationUnit unit(long id) {
		return drives.publicUnit(id).orElseThrow(() -> new NotFoundException("unit.not-found"));
	}

	private java.awt.image.BufferedImage poster(RegistrationUnit u, String link) {
		return UnitPrintables.poster(u.name(), drives.regionName(u.regionCode()), link);
	}

	/** A printable from the print shop (kept once drawn, a bounded number drawn at once). */
	private ResponseEntity<byte[]> printable(MediaType type, String what, RegistrationUnit u, HttpServletRequest request,
			java.util.function.BiFunction<RegistrationUnit, String, byte[]> draw) {
		String link = JoinCodes.unitLink(publicUrl.of(request), u.id());
		return image(type, printShop.printable(what, u, drives.regionName(u.regionCode()), link, () -> draw.apply(u, link)));
	}

	private static ResponseEntity<byte[]> image(MediaType type, byte[] bytes) {
		return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache()).body(bytes);
	}

	private static UnitJson json(RegistrationDrives.UnitView v, String base) {
		return new UnitJson(v.id(), v.name(), v.kind().name(), v.regionCode(), v.regionName(), v.open(), v.registrations(), v.pledges(),
				v.joinCode(), JoinCodes.unitLink(base, v.id()));
	}
}
