package org.bangfu.stats.web;

import java.time.Clock;
import java.util.List;

import org.bangfu.need.NeedFigures;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.Stations;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Public browsing of the division tree, city → county → township → village, with the needs of each
 * place: how many wait for help, are pledged, arrived, and the most urgent open ones. It lives in the
 * stats module (a read model over regions and needs), not in the region module: the need module already
 * uses the region module, so the region module using the need module would make a cycle.
 */
@Controller
class RegionPageController {

	static final int URGENT_NEEDS = 5;

	private final Regions regions;

	private final Stations stations;

	private final BangfuProperties properties;

	private final NeedFigures needs;

	private final Clock clock;

	private final org.bangfu.account.Positions positions;

	private final org.bangfu.news.NewsStories news;

	RegionPageController(Regions regions, Stations stations, BangfuProperties properties, NeedFigures needs, Clock clock,
			org.bangfu.account.Positions positions, org.bangfu.news.NewsStories news) {
		this.positions = positions;
		this.news = news;
		this.regions = regions;
		this.stations = stations;
		this.properties = properties;
		this.needs = needs;
		this.clock = clock;
	}

	@GetMapping("/regions")
	String root() {
		return "redirect:/regions/" + properties.rootRegion();
	}

	@GetMapping("/regions/{code}")
	String region(@PathVariable String code, Model model) {
		Region region = regions.get(RegionCode.parse(code));
		model.addAttribute("region", region);
		model.addAttribute("ancestors", regions.ancestors(region));
		children(region, null, model);
		model.addAttribute("countsBelow", regions.countsUnder(region).entrySet().stream()
			.filter(e -> e.getKey().ordinal() > region.level().ordinal() && e.getValue() > 0)
			.toList());
		model.addAttribute("stationCount", stations.countWithin(region));
		model.addAttribute("childLevel", region.level().below().orElse(null));
		model.addAttribute("station", stations.at(region).orElse(null));
		model.addAttribute("seats", positions.publicSeats(region)); // filled or vacant, never who
		model.addAttribute("news", news.latest(region, 5)); // the region's own and its parents' city- or county-wide items
		model.addAttribute("figures", needs.of(region));
		model.addAttribute("urgent", needs.mostUrgent(region, URGENT_NEEDS));
		model.addAttribute("now", clock.instant());
		return "region/region";
	}

	/** The units below, each with how many needs wait for help there. */
	private void children(Region region, String nameContains, Model model) {
		List<Regions.RegionNode> children = regions.children(region.regionCode(), nameContains);
		model.addAttribute("children", children);
		model.addAttribute("openBelow", needs.openIn(children.stream().map(Regions.RegionNode::region).toList()));
	}

	/** The children list alone, filtered by name: htmx swaps it in as the user types. */
	@GetMapping("/regions/{code}/children")
	String children(@PathVariable String code, @RequestParam(name = "q", required = false) String q, Model model) {
		Region region = regions.get(RegionCode.parse(code));
		model.addAttribute("region", region);
		children(region, q, model);
		return "region/region :: children";
	}
}
