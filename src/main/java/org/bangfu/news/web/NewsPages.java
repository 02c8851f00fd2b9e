package org.bangfu.news.web;

import java.io.IOException;
import java.time.ZoneId;

import org.bangfu.account.BangfuUser;
import org.bangfu.news.NewsStories;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.web.FailureStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public news list and item pages, and the writer's page: write, publish, withdraw (forms post, then redirect). */
@Controller
class NewsPages {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private final NewsStories news;

	private final MessageSource messages;

	NewsPages(NewsStories news, MessageSource messages) {
		this.news = news;
		this.messages = messages;
	}

	@GetMapping("/news")
	String list(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String region,
			@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("mayWrite", user != null && news.mayWrite(user));
		model.addAttribute("items", news.published(region, page));
		model.addAttribute("page", page);
		model.addAttribute("region", region == null ? "" : region);
		model.addAttribute("zone", CHINA);
		return "news/list";
	}

	@GetMapping("/news/{id:\\d+}")
	String item(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, Model model) {
		model.addAttribute("item", news.get(id, user));
		model.addAttribute("zone", CHINA);
		return "news/item";
	}

	@GetMapping("/news/{id:\\d+}/photo.jpg")
	ResponseEntity<FileSystemResource> photo(@AuthenticationPrincipal BangfuUser user, @PathVariable long id) {
		var file = news.photo(id, user).orElseThrow(() -> new NotFoundException("news.not-found"));
		return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(CacheControl.noCache()).body(new FileSystemResource(file));
	}

	@GetMapping("/news/manage")
	String manage(@AuthenticationPrincipal BangfuUser user, Model model) {
		model.addAttribute("items", news.ofWriter(user));
		model.addAttribute("zone", CHINA);
		return "news/manage";
	}

	@PostMapping("/news/manage")
	String write(@AuthenticationPrincipal BangfuUser user, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String title, @RequestParam(required = false) String body,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) Long householdId,
			@RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect) throws IOException {
		try {
			boolean hasPhoto = photo != null && !photo.isEmpty();
			long id = news.write(user, new NewsStories.Draft(kind, title, body, regionCode, householdId), hasPhoto ? photo.getInputStream() : null,
					hasPhoto ? photo.getSize() : 0);
			redirect.addFlashAttribute("notice", text("news.written", null));
			redirect.addFlashAttribute("written", id);
		}
		catch (BadInputException e) {
			if (FailureStatus.of(e).value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("error", text(e.messageKey(), e.args()));
			redirect.addFlashAttribute("typed", new NewsStories.Draft(kind, title, body, regionCode, householdId));
		}
		return "redirect:/news/manage";
	}

	@PostMapping("/news/{id:\\d+}/publish")
	String publish(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		return step(() -> news.publish(user, id), "news.published", redirect);
	}

	@PostMapping("/news/{id:\\d+}/withdraw")
	String withdraw(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, RedirectAttributes redirect) {
		return step(() -> news.withdraw(user, id), "news.withdrawn", redirect);
	}

	private String step(Runnable action, String done, RedirectAttributes redirect) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", text(done, null));
		}
		catch (BadInputException e) {
			if (FailureStatus.of(e).value() == 404) {
				throw e;
			}
			redirect.addFlashAttribute("error", text(e.messageKey(), e.args()));
		}
		return "redirect:/news/manage";
	}

	private String text(String key, Object[] args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
