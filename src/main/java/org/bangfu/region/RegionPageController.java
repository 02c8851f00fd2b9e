package org.bangfu.region;

import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Public browsing of the division tree: city → county → township → village. */
@Controller
class RegionPageController {

	private final Regions regions;

	private final Stations stations;

	private final BangfuProperties properties;

	RegionPageController(Regions regions, Stations stations, BangfuProperties properties) {
		this.regions = regions;
		this.stations = stations;
		this.properties = properties;
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
		model.addAttribute("children", regions.children(region.regionCode(), null));
		model.addAttribute("countsBelow", regions.countsUnder(region).entrySet().stream()
			.filter(e -> e.getKey().ordinal() > region.level().ordinal() && e.getValue() > 0)
			.toList());
		model.addAttribute("stationCount", stations.countWithin(region));
		model.addAttribute("childLevel", region.level().below().orElse(null));
		model.addAttribute("station", stations.at(region).orElse(null));
		return "region/region";
	}

	/** The children list alone, filtered by name: htmx swaps it in as the user types. */
	@GetMapping("/regions/{code}/children")
	String children(@PathVariable String code, @RequestParam(name = "q", required = false) String q, Model model) {
		Region region = regions.get(RegionCode.parse(code));
		model.addAttribute("region", region);
		model.addAttribute("children", regions.children(region.regionCode(), q));
		return "region/region :: children";
	}
}
