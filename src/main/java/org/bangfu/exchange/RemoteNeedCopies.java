package org.bangfu.exchange;

import java.util.ArrayList;
import java.util.List;

import org.bangfu.need.NeedState;
import org.bangfu.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** What a pledge request needs of the upper node's copy of a remote need: its items, what is left, whether it is open. */
@Component
class RemoteNeedCopies {

	private final JdbcClient jdbc;

	RemoteNeedCopies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The copy as last pushed or answered: item names in their published order. */
	record Copy(String origin, long needId, String title, List<String> itemNames, int remainingQuantity, String state) {

		boolean open() {
			return NeedState.OPEN.stream().anyMatch(s -> s.name().equals(state)) && remainingQuantity > 0;
		}
	}

	Copy get(String origin, long needId) {
		return find(origin, needId).orElseThrow(() -> new NotFoundException("need.not-found"));
	}

	java.util.Optional<Copy> find(String origin, long needId) {
		return jdbc.sql("SELECT title, items, remaining_quantity, state FROM exchange_remote_need WHERE origin_node = ? AND need_id = ?")
			.params(origin, needId)
			.query((rs, n) -> {
				List<String> names = new ArrayList<>();
				for (JsonNode item : CanonicalJson.MAPPER.readTree(rs.getString("items"))) {
					names.add(item.get("name").asString());
				}
				return new Copy(origin, needId, rs.getString("title"), names, rs.getInt("remaining_quantity"), rs.getString("state"));
			})
			.optional();
	}

	/** The owner's answer told what is left: the copy shows it until the owner's next NEED_CHANGED. */
	void remaining(String origin, long needId, int remaining) {
		jdbc.sql("UPDATE exchange_remote_need SET remaining_quantity = ? WHERE origin_node = ? AND need_id = ?")
			.params(remaining, origin, needId)
			.update();
	}
}
