package org.bangfu.news.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.account.BangfuUser;
import org.bangfu.news.NewsItem;
import org.bangfu.news.NewsStories;
import org.bangfu.shared.BadInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "news", description = "扶贫动态与帮扶故事")
class NewsApiController {

	private final NewsStories news;

	NewsApiController(NewsStories news) {
		this.news = news;
	}

	/** What the public reads of an item: no household id, only its masked name. */
	record PublicItem(long id, String kind, String title, String body, String regionCode, String regionName, String household,
			boolean photo, String state, java.time.Instant publishedAt) {

		static PublicItem of(NewsItem n) {
			return new PublicItem(n.id(), n.kind().name(), n.title(), n.body(), n.regionCode(), n.regionName(), n.householdMasked(), n.photo(),
					n.state().name(), n.publishedAt());
		}
	}

	@PostMapping("/api/v1/news")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "撰写动态或帮扶故事（草稿）", description = "市办，或职务为媒体管理员（MEDIA_ADMINISTRATOR）的县管理中心人员，在其范围内。"
			+ "kind：NEWS 或 STORY；故事可写 householdId（须该户已同意宣传报道，否则 400）。照片用 POST /api/v1/news/{id}/photo 上传。",
			security = @SecurityRequirement(name = "bearer"))
	Map<String, Long> write(@AuthenticationPrincipal BangfuUser user, @RequestBody NewsStories.Draft draft) {
		if (draft == null) {
			throw new BadInputException("error.malformed-request");
		}
		return Map.of("id", news.write(user, draft, null, 0));
	}

	@PostMapping(path = "/api/v1/news/{id}/photo", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "为草稿配照片（JPEG/PNG，10 MB 以内；某户的故事须该户同意公开照片）", security = @SecurityRequirement(name = "bearer"))
	void photo(@AuthenticationPrincipal BangfuUser user, @PathVariable long id,
			@org.springframework.web.bind.annotation.RequestParam(required = false) org.springframework.web.multipart.MultipartFile photo)
			throws java.io.IOException {
		boolean has = photo != null && !photo.isEmpty();
		news.attachPhoto(user, id, has ? photo.getInputStream() : null, has ? photo.getSize() : 0);
	}

	@PostMapping("/api/v1/news/{id}/publish")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "发布（草稿 → 已发布）", security = @SecurityRequirement(name = "bearer"))
	void publish(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		news.publish(user, id);
	}

	@PostMapping("/api/v1/news/{id}/withdraw")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "撤下（已发布 → 已撤下）", security = @SecurityRequirement(name = "bearer"))
	void withdraw(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		news.withdraw(user, id);
	}

	@GetMapping("/api/v1/news")
	@Operation(summary = "已发布的动态和故事（公开）", description = "regionCode：该区划及其下级的，以及其上级（县、市）的；每页 20 条。")
	List<PublicItem> list(@RequestParam(required = false) String regionCode, @RequestParam(defaultValue = "0") int page) {
		return news.published(regionCode, page).stream().map(PublicItem::of).toList();
	}
}
