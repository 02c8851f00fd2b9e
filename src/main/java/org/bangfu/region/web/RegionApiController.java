package org.bangfu.region.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;
import org.bangfu.region.Regions;
import org.bangfu.region.Regions.RegionNode;
import org.bangfu.shared.RegionCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/regions")
@Tag(name = "regions", description = "行政区划（公开）")
class RegionApiController {

	private final Regions regions;

	RegionApiController(Regions regions) {
		this.regions = regions;
	}

	@GetMapping("/{code}")
	@Operation(summary = "一个区划及其上级", description = "代码可为 2、4、6、9 或 12 位；格式错误 400，不存在 404。")
	RegionView region(@PathVariable String code) {
		Region region = regions.get(RegionCode.parse(code));
		List<RegionRef> ancestors = regions.ancestors(region).stream().map(RegionRef::of).toList();
		return new RegionView(region.code(), region.name(), region.level(), region.parentCode(), ancestors,
				regions.children(region.regionCode(), null).size());
	}

	@GetMapping("/{code}/children")
	@Operation(summary = "直接下级区划", description = "按代码排序，每项带其下级数量。")
	List<ChildView> children(@PathVariable String code) {
		Region region = regions.get(RegionCode.parse(code));
		return regions.children(region.regionCode(), null).stream().map(ChildView::of).toList();
	}

	record RegionView(String code, String name, RegionLevel level, String parentCode, List<RegionRef> ancestors, int childCount) {
	}

	record RegionRef(String code, String name, RegionLevel level) {
		static RegionRef of(Region r) {
			return new RegionRef(r.code(), r.name(), r.level());
		}
	}

	record ChildView(String code, String name, RegionLevel level, int childCount) {
		static ChildView of(RegionNode n) {
			return new ChildView(n.region().code(), n.region().name(), n.region().level(), n.childCount());
		}
	}
}
