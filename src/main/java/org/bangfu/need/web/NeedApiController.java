package org.bangfu.need.web;

import org.bangfu.need.CategoryRule;
import org.bangfu.need.CategoryRules;
import org.bangfu.need.Need;
import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedContent;
import org.bangfu.need.NeedItem;
import org.bangfu.need.NeedListing;
import org.bangfu.need.NeedPhotos;
import org.bangfu.need.NeedPosting;
import org.bangfu.need.NeedReports;
import org.bangfu.need.NeedReview;
import org.bangfu.need.NeedState;
import org.bangfu.need.NeedViews;
import org.bangfu.need.Needs;
import org.bangfu.need.ProductSale;
import org.bangfu.need.PublicUrl;
import org.bangfu.need.Urgency;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.bangfu.account.BangfuUser;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.RegionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The needs API: the public list and pages (masked), posting, the workflow, photos, reports, rules. */
@RestController
@RequestMapping("/api/v1/needs")
@Tag(name = "needs", description = "需求：公开列表（脱敏）、发布、审核流程、照片、举报、类别规则")
class NeedApiController {

	private final NeedListing listing;

	private final NeedViews views;

	private final NeedPosting posting;

	private final NeedReview review;

	private final NeedPhotos photos;

	private final NeedReports reports;

	private final CategoryRules rules;

	private final Needs needs;

	private final Regions regions;

	private final PublicUrl publicUrl;

	NeedApiController(NeedListing listing, NeedViews views, NeedPosting posting, NeedReview review, NeedPhotos photos,
			NeedReports reports, CategoryRules rules, Needs needs, Regions regions, PublicUrl publicUrl) {
		this.listing = listing;
		this.views = views;
		this.posting = posting;
		this.review = review;
		this.photos = photos;
		this.reports = reports;
		this.rules = rules;
		this.needs = needs;
		this.regions = regions;
		this.publicUrl = publicUrl;
	}

	record ListAnswer(List<NeedViews.Summary> needs, int page, int pageSize, boolean hasNext) {
	}

	@GetMapping
	@Operation(summary = "公开需求列表（脱敏）", description = "只列出已发布、可认领的需求，最紧急、等待最久的在前；每页 20 条。"
			+ "region 为任一级区划代码；category、urgency（NORMAL/URGENT/CRITICAL）可选；q 为中文关键词（标题和描述中的子串）。")
	ListAnswer list(@RequestParam(required = false) String region, @RequestParam(required = false) NeedCategory category,
			@RequestParam(required = false) Urgency urgency, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page) {
		NeedListing.Page result = listing.open(filter(region, category, urgency, q, regions), page);
		return new ListAnswer(views.summaries(result.cards()), result.page(), NeedListing.PAGE_SIZE, result.hasNext());
	}

	static NeedListing.Filter filter(String region, NeedCategory category, Urgency urgency, String q, Regions regions) {
		Region r = region == null || region.isBlank() ? null : regions.get(RegionCode.parse(region.strip()));
		if (q != null && q.strip().length() > 30) {
			throw new BadInputException("need.keyword-too-long", 30);
		}
		return new NeedListing.Filter(r, category, urgency, q);
	}

	@GetMapping("/{id}")
	@Operation(summary = "一条需求", description = "公众只能看已公开的需求（脱敏，照片须有公开照片的同意）；发布人、本户和管辖范围内的工作人员"
			+ "还能看到未公开的、历史记录和驳回原因；范围内的工作人员另见规则提示 flags。")
	NeedViews.NeedView one(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, HttpServletRequest request) {
		return views.view(user, id, publicUrl.of(request));
	}

	@GetMapping("/mine")
	@Operation(summary = "我的需求", description = "工作人员：管辖范围（可用 region 缩小）内的需求，可按 state 过滤；贫困户和其他发布人：自己的需求。",
			security = @SecurityRequirement(name = "bearer"))
	List<NeedViews.Summary> mine(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(required = false) NeedState state, @RequestParam(defaultValue = "0") int page) {
		return views.summaries(NeedPages.mine(user, region, state, page, listing, regions));
	}

	/** {@code money}: a sum raised through the charity fund from gifts of any share (quantity 1, valueFen the amount). */
	record ItemRequest(String kind, String name, Integer quantity, String unit, Long valueFen, Boolean money) {
	}

	record SaleRequest(String product, Long priceFen, String productionCycle, Integer fromMonth, Integer toMonth) {
	}

	record NeedRequest(NeedCategory category, String title, String story, List<ItemRequest> items, Urgency urgency, LocalDate neededBy,
			Long householdId, String producer, String regionCode, SaleRequest sale) {

		NeedContent content() {
			List<NeedItem> lines = items == null ? null : items.stream()
				.map(i -> i == null ? null : new NeedItem(i.kind(), i.name(), i.quantity() == null ? 0 : i.quantity(), i.unit(),
						value(i.valueFen()), 0, Boolean.TRUE.equals(i.money())))
				.toList();
			ProductSale s = sale == null ? null : new ProductSale(sale.product(), sale.priceFen() == null ? 0 : sale.priceFen(),
					sale.productionCycle(), sale.fromMonth() == null ? 0 : sale.fromMonth(), sale.toMonth() == null ? 0 : sale.toMonth());
			return new NeedContent(category, title, story, lines, urgency == null ? Urgency.NORMAL : urgency, neededBy, s);
		}

		private static long value(Long fen) {
			if (fen == null) {
				throw new BadInputException("need.item-value-required");
			}
			return fen;
		}
	}

	private static NeedRequest body(NeedRequest request) {
		if (request == null) {
			throw new BadInputException("error.malformed-request");
		}
		return request;
	}

	@PostMapping
	@Operation(summary = "新建需求（草稿）", description = "贫困户为本户发布；工作人员代发须有该户有效的代发同意记录（householdId），"
			+ "或为生产者（producer + regionCode）、贫困村项目（category=VILLAGE + regionCode）发布。items 的 valueFen 为该行估值（分）。",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<NeedViews.NeedView> create(@AuthenticationPrincipal BangfuUser user, @RequestBody(required = false) NeedRequest request,
			HttpServletRequest http) {
		NeedRequest r = body(request);
		Need need = posting.create(user, new NeedPosting.Subject(r.householdId(), r.producer(), r.regionCode()), r.content());
		return ResponseEntity.status(HttpStatus.CREATED).body(views.view(user, need.id(), publicUrl.of(http)));
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改需求（草稿或被驳回时）", security = @SecurityRequirement(name = "bearer"))
	NeedViews.NeedView edit(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @RequestBody(required = false) NeedRequest request,
			HttpServletRequest http) {
		posting.edit(user, id, body(request).content());
		return views.view(user, id, publicUrl.of(http));
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "提交审核", description = "检查类别规则（单项和总价上限、必需照片）并生成给审核人的规则提示。",
			security = @SecurityRequirement(name = "bearer"))
	NeedViews.NeedView submit(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, HttpServletRequest http) {
		posting.submit(user, id);
		return views.view(user, id, publicUrl.of(http));
	}

	@PostMapping("/{id}/verify")
	@Operation(summary = "审核通过并发布", description = "只限管辖范围包含该需求的乡镇管理员、县管理中心、市办，且不能是发布人本人。"
			+ "有规则提示（严重程度≥2）的需求须在请求体 {\"reason\":\"…\"} 写明审核理由；严重程度≥3 的须两级审核："
			+ "第一级通过后仍为待审核（待上级复核），上一级（乡镇之上为县，县之上为市，市办则为另一名市管理员）再通过才发布。",
			security = @SecurityRequirement(name = "bearer"))
	NeedViews.NeedView verify(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestBody(required = false) ReasonRequest request, HttpServletRequest http) {
		review.verify(user, id, request == null ? null : request.reason());
		return views.view(user, id, publicUrl.of(http));
	}

	record ReasonRequest(String reason) {
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "驳回（须写明原因，发布人可见）", security = @SecurityRequirement(name = "bearer"))
	NeedViews.NeedView reject(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestBody(required = false) ReasonRequest request, HttpServletRequest http) {
		review.reject(user, id, request == null ? null : request.reason());
		return views.view(user, id, publicUrl.of(http));
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "撤回", security = @SecurityRequirement(name = "bearer"))
	NeedViews.NeedView withdraw(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestBody(required = false) ReasonRequest request, HttpServletRequest http) {
		posting.withdraw(user, id, request == null ? null : request.reason());
		return views.view(user, id, publicUrl.of(http));
	}

	@PostMapping("/{id}/repost")
	@Operation(summary = "重新发布为新草稿", description = "特色产品销售：下一个生产周期再次上报；其他类别：过期或撤回后重新发布。",
			security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<NeedViews.NeedView> repost(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, HttpServletRequest http) {
		Need need = posting.repost(user, id);
		return ResponseEntity.status(HttpStatus.CREATED).body(views.view(user, need.id(), publicUrl.of(http)));
	}

	@PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "上传照片（JPG/PNG，10 MB 以内，最多 6 张；去除位置等元数据）", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<NeedPhotos.Photo> addPhoto(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestParam(required = false) MultipartFile photo) throws IOException {
		if (photo == null || photo.isEmpty()) {
			throw new BadInputException("photo.empty");
		}
		Need need = posting.editable(user, needs.get(id));
		return ResponseEntity.status(HttpStatus.CREATED).body(photos.add(user, need, photo.getInputStream()));
	}

	@DeleteMapping("/{id}/photos/{photoId}")
	@Operation(summary = "删除照片", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Void> removePhoto(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long photoId) {
		photos.remove(posting.editable(user, needs.get(id)), photoId);
		return ResponseEntity.noContent().build();
	}

	record ReportRequest(NeedReports.Reason reason, String text) {
	}

	record Created(long id) {
	}

	@PostMapping("/{id}/reports")
	@Operation(summary = "举报这条需求（无需登录）", description = "reason：FALSE_INFO 信息不实、LUXURY 非必需或奢侈品、DUPLICATE 重复、"
			+ "PRIVACY 泄露隐私、OTHER 其他。每个地址每小时最多 5 次。")
	ResponseEntity<Created> report(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@RequestBody(required = false) ReportRequest request, HttpServletRequest http) {
		long reportId = reports.report(id, request == null ? null : request.reason(), request == null ? null : request.text(), user,
				http.getRemoteAddr());
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(reportId));
	}

	@GetMapping("/reports")
	@Operation(summary = "待处理的举报（监督员、管理员，按管辖范围）", security = @SecurityRequirement(name = "bearer"))
	List<NeedReports.Open> openReports(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region) {
		return reports.open(user, NeedPages.reportScope(user, region, regions));
	}

	record HandleRequest(Boolean withdrawNeed, String note) {
	}

	@PostMapping("/reports/{reportId}/handle")
	@Operation(summary = "处理举报：驳回举报，或撤下需求", security = @SecurityRequirement(name = "bearer"))
	ResponseEntity<Void> handle(@AuthenticationPrincipal BangfuUser user, @PathVariable long reportId,
			@RequestBody(required = false) HandleRequest request) {
		reports.handle(user, reportId, request != null && Boolean.TRUE.equals(request.withdrawNeed()), request == null ? null : request.note());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/queue")
	@Operation(summary = "待审核队列（管理员，按管辖范围，最早提交的在前，附规则提示）", security = @SecurityRequirement(name = "bearer"))
	List<NeedReview.Waiting> queue(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page) {
		return review.queue(user, NeedPages.staffScope(user, region, regions), page);
	}

	@GetMapping("/category-rules")
	@Operation(summary = "各类别的规则：单项和总价上限、必需照片数、允许的物品类别、可疑词、重复申请期限")
	List<CategoryRule> categoryRules() {
		return rules.all();
	}

	@PutMapping("/category-rules/{category}")
	@Operation(summary = "修改类别规则（市办）", security = @SecurityRequirement(name = "bearer"))
	CategoryRule updateRule(@AuthenticationPrincipal BangfuUser user, @PathVariable NeedCategory category,
			@RequestBody(required = false) CategoryRule rule) {
		if (rule == null) {
			throw new BadInputException("error.malformed-request");
		}
		return rules.update(user, new CategoryRule(category, rule.maxItemValueFen(), rule.maxNeedValueFen(), rule.usualValueFen(),
				rule.minPhotos(), rule.itemKinds() == null ? List.of() : rule.itemKinds(),
				rule.suspiciousWords() == null ? List.of() : rule.suspiciousWords(), rule.repeatDays()));
	}
}
