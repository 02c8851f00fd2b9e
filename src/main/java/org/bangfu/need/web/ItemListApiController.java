package org.bangfu.need.web;

import java.util.Map;

import org.bangfu.account.BangfuUser;
import org.bangfu.need.CityItemLists;
import org.bangfu.need.ItemLists;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/** The city's item lists as JSON, and a list replaced from its text (the same lines as on the page). */
@RestController
@RequestMapping("/api/v1/needs/item-lists")
class ItemListApiController {

	private final CityItemLists lists;

	ItemListApiController(CityItemLists lists) {
		this.lists = lists;
	}

	@GetMapping
	@Operation(summary = "市里维护的物品清单：非必需物品、品牌、各物品类别的用词和单价", security = @SecurityRequirement(name = "bearer"))
	ItemLists current() {
		return lists.current();
	}

	@PutMapping("/{list}")
	@Operation(summary = "整体替换一个清单（市办）：goods、brands 或 kinds，正文 {\"text\": 每行一项}", security = @SecurityRequirement(name = "bearer"))
	ItemLists replace(@AuthenticationPrincipal BangfuUser user, @PathVariable String list, @RequestBody(required = false) Map<String, String> body) {
		if (body == null || body.get("text") == null) {
			throw new BadInputException("error.malformed-request");
		}
		switch (list) {
			case "goods" -> lists.replaceGoods(user, body.get("text"));
			case "brands" -> lists.replaceBrands(user, body.get("text"));
			case "kinds" -> lists.replaceKinds(user, body.get("text"));
			default -> throw new NotFoundException("need.list.not-found");
		}
		return lists.current();
	}
}
