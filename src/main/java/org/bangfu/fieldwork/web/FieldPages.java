package org.bangfu.fieldwork.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The village officer's offline collection page (issue 18). It is a shell: the same HTML for everyone, without any
 * household, name or need in it, so the service worker may keep it and open it with no signal; field.js fills it from
 * the encrypted IndexedDB and talks to the offline API. That is also why it needs no login to be fetched.
 */
@Controller
class FieldPages {

	@GetMapping("/field")
	String field() {
		return "fieldwork/field";
	}
}
