package org.bangfu.need;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/** The item kinds each category allows (the city's category rules), for other modules that classify goods the same way. */
@Component
public class ItemKinds {

	private final CategoryRules rules;

	ItemKinds(CategoryRules rules) {
		this.rules = rules;
	}

	public List<String> of(NeedCategory category) {
		return rules.of(category).itemKinds();
	}

	public Map<NeedCategory, List<String>> all() {
		return byCategory(rules.all());
	}

	public static Map<NeedCategory, List<String>> byCategory(List<CategoryRule> rules) {
		Map<NeedCategory, List<String>> kinds = new EnumMap<>(NeedCategory.class);
		rules.forEach(r -> kinds.put(r.category(), r.itemKinds()));
		return kinds;
	}
}
