package org.bangfu.shared;

import java.io.IOException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Redirect-after-POST for pages: run the action, then carry its notice, or the reason it was
 * refused in the user's language, to the page the browser is sent to. A 404 is not a refusal to
 * show: it goes on to the error page (outside the user's scope nothing is confirmed to exist).
 */
public final class Flash {

	/** What a page does on a POST; may read an upload. */
	public interface Action {
		void run() throws IOException;
	}

	private Flash() {
	}

	public static void attempt(RedirectAttributes redirect, MessageSource messages, String doneKey, Action action) {
		try {
			action.run();
			redirect.addFlashAttribute("notice", text(messages, doneKey, null));
		}
		catch (BadInputException e) {
			if (e instanceof NotFoundException) {
				throw e;
			}
			redirect.addFlashAttribute("error", text(messages, e.messageKey(), e.args()));
		}
		catch (IOException e) {
			redirect.addFlashAttribute("error", text(messages, "photo.unreadable", null));
		}
	}

	private static String text(MessageSource messages, String key, Object[] args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
