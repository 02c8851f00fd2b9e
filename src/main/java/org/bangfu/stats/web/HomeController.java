package org.bangfu.stats.web;

import java.util.Map;

import org.bangfu.account.Accounts;
import org.bangfu.need.NeedFigures;
import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;
import org.bangfu.region.Stations;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the way to the needs first, with the needs' figures of the deployment's region; what the platform is, and its reach. */
@Controller
class HomeController {

	private final Regions regions;

	private final Stations stations;

	private final Accounts accounts;

	private final BangfuProperties properties;

	private final NeedFigures needs;

	private final org.bangfu.news.NewsStories news;

	HomeController(Regions regions, Stations stations, Accounts accounts, BangfuProperties properties, NeedFigures needs,
			org.bangfu.news.NewsStories news) {
		this.news = news;
		this.regions = regions;
		this.stations = stations;
		this.accounts = accounts;
		this.properties = properties;
		this.needs = needs;
	}

	@GetMapping("/")
	String home(Model model) {
		Region root = regions.get(RegionCode.parse(properties.rootRegion()));
		Map<RegionLevel, Long> counts = regions.countsUnder(root);
		model.addAttribute("root", root);
		model.addAttribute("figures", needs.of(root));
		model.addAttribute("countyCount", counts.get(RegionLevel.COUNTY));
		model.addAttribute("townshipCount", counts.get(RegionLevel.TOWNSHIP));
		model.addAttribute("villageCount", counts.get(RegionLevel.VILLAGE));
		model.addAttribute("stationCount", stations.countWithin(root));
		model.addAttribute("staffCount", accounts.countStaffWithin(root));
		model.addAttribute("accountCount", accounts.count());
		var counties = regions.children(root.regionCode(), null);
		model.addAttribute("counties", counties);
		model.addAttribute("openBelow", needs.openIn(counties.stream().map(Regions.RegionNode::region).toList()));
		model.addAttribute("news", news.latest(null, 3)); // the newest three published news and stories
		return "home";
	}
}
