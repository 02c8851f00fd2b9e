package org.bangfu.exchange;

import java.util.List;
import java.util.Optional;

import org.bangfu.need.NeedState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a pledge request needs of the upper node's copy of a remote need ({@link RemoteNeeds}): its items, what is
 * left, whether it is open; and the owner's answer keeping what is left up to date.
 */
@Component
class RemoteNeedCopies {

	private final RemoteNeeds needs;

	private final JdbcClient jdbc;

	RemoteNeedCopies(RemoteNeeds needs, JdbcClient jdbc) {
		this.needs = needs;
		this.jdbc = jdbc;
	}

	/** The copy as last pushed or answered: item names in their published order. */
	record Copy(String origin, long needId, String title, List<String> itemNames, int remainingQuantity, String state) {

		boolean open() {
			return NeedState.OPEN.stream().anyMatch(s -> s.name().equals(state)) && remainingQuantity > 0;
		}
	}

	Copy get(String origin, long needId) {
		return copy(needs.get(origin, needId));
	}

	Optional<Copy> find(String origin, long needId) {
		return needs.find(origin, needId).map(RemoteNeedCopies::copy);
	}

	private static Copy copy(RemoteNeeds.RemoteNeed n) {
		return new Copy(n.originNode(), n.id(), n.title(), n.items().stream().map(RemoteNeeds.Item::name).toList(), n.remainingQuantity(),
				n.state());
	}

	/** The owner's answer told what is left: the copy shows it until the owner's next NEED_CHANGED (same link, in order). */
	void remaining(String origin, long needId, int remaining) {
		jdbc.sql("UPDATE exchange_remote_need SET remaining_quantity = ? WHERE origin_node = ? AND need_id = ?")
			.params(remaining, origin, needId)
			.update();
	}
}
