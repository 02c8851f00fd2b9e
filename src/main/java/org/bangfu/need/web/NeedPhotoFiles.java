package org.bangfu.need.web;

import org.bangfu.need.NeedViews;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServletRequest;
import org.bangfu.account.BangfuUser;
import org.bangfu.shared.PhotoRenditions;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A need's photo files: the display size, the old thumbnail and the renditions pages show
 * ({@link PhotoRenditions}); the public gets them only while it may see the need's photos.
 */
@Controller
class NeedPhotoFiles {

	private final NeedViews views;

	NeedPhotoFiles(NeedViews views) {
		this.views = views;
	}

	@GetMapping({ "/needs/{id}/photos/{photoId:\\d+}.jpg", "/needs/{id}/photos/{photoId:\\d+}-thumb.jpg",
		"/needs/{id}/photos/{photoId:\\d+}-w{width:\\d+}.jpg" })
	ResponseEntity<FileSystemResource> photo(@AuthenticationPrincipal BangfuUser user, @PathVariable long id, @PathVariable long photoId,
			@PathVariable(required = false) Integer width, HttpServletRequest request) {
		NeedViews.PhotoFile photo = views.photo(user, id, photoId, request.getRequestURI().endsWith("-thumb.jpg"));
		Path file = width == null ? photo.file() : PhotoRenditions.of(photo.file(), width);
		// a photo's bytes never change; one the public may not see is not kept anywhere
		CacheControl cache = photo.publishable() ? PhotoRenditions.LONG : CacheControl.noStore().cachePrivate();
		return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).cacheControl(cache).body(new FileSystemResource(file));
	}
}
