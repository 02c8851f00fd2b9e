package org.bangfu.shared.web;

import java.time.ZoneId;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page shows times in China's time zone: templates format instants with {@code zone}, which is
 * in every page's model from here, so no controller can forget it (the registry imports page once did,
 * and answered 500 as soon as it had an import to list).
 */
@ControllerAdvice(annotations = Controller.class)
class PageTimeZone {

	static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	@ModelAttribute("zone")
	ZoneId zone() {
		return CHINA;
	}
}
