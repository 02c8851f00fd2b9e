package org.bangfu.need.web;

import java.time.Clock;

import org.bangfu.need.Launches;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The live launch page (F24), public and without login, for the big screen at the ceremony and the guests' phones: before
 * the release how many needs wait; after it what the launch published and what has been pledged since. The figures
 * refresh without reload: htmx fetches the live fragment every few seconds (no inline script: the CSP forbids it).
 */
@Controller
class LaunchPages {

	private final Launches launches;

	private final int pollSeconds;

	private final Clock clock;

	LaunchPages(Launches launches, Clock clock, @Value("${bangfu.launch.poll-seconds:5}") int pollSeconds) {
		this.launches = launches;
		this.clock = clock;
		this.pollSeconds = Math.max(1, pollSeconds);
	}

	@GetMapping("/launches/{id}")
	String launch(@PathVariable long id, Model model) {
		model.addAttribute("board", launches.board(id));
		model.addAttribute("poll", "every " + pollSeconds + "s");
		model.addAttribute("now", clock.instant());
		return "need/launch";
	}

	@GetMapping("/launches/{id}/live")
	String live(@PathVariable long id, Model model) {
		model.addAttribute("board", launches.board(id));
		model.addAttribute("poll", "every " + pollSeconds + "s");
		model.addAttribute("now", clock.instant());
		return "need/launch :: live";
	}
}
