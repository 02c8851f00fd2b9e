package org.bangfu.exchange;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.bangfu.need.NeedState;
import org.bangfu.need.NeedViews;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.events.NeedConfirmed;
import org.bangfu.shared.events.NeedEnded;
import org.bangfu.shared.events.NeedFoundFalse;
import org.bangfu.shared.events.NeedVerified;
import org.bangfu.shared.events.PledgeCancelled;
import org.bangfu.shared.events.PledgeLapsed;
import org.bangfu.shared.events.PledgeMade;
import org.bangfu.shared.events.PledgeReceived;
import org.bangfu.shared.events.PledgeShipped;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Pushes this node's public needs to its upper node: NEED_PUBLISHED when a need becomes public, NEED_CHANGED when its
 * state or remaining quantity changes afterwards (with an outcome once it ended). On each event about a need it reads
 * the need as the public sees it (masked, through the need module's public view) and compares with what was last sent,
 * so only real changes travel and the order of events does not matter.
 */
@Component
class NeedUpstream {

	private final ExchangeNode node;

	private final ExchangeOutbox outbox;

	private final NeedViews views;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MessageSource messages;

	private final Environment environment;

	private final String publicUrl;

	NeedUpstream(ExchangeNode node, ExchangeOutbox outbox, NeedViews views, JdbcClient jdbc, Clock clock, MessageSource messages,
			Environment environment, @Value("${bangfu.public-url:}") String publicUrl) {
		this.node = node;
		this.outbox = outbox;
		this.views = views;
		this.jdbc = jdbc;
		this.clock = clock;
		this.messages = messages;
		this.environment = environment;
		this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
	}

	@ApplicationModuleListener
	void on(NeedVerified e) {
		sync(e.needId());
	}

	@ApplicationModuleListener
	void on(NeedConfirmed e) {
		sync(e.needId());
	}

	@ApplicationModuleListener
	void on(NeedEnded e) {
		sync(e.needId());
	}

	@ApplicationModuleListener
	void on(NeedFoundFalse e) {
		sync(e.needId());
	}

	@ApplicationModuleListener
	void on(PledgeMade e) {
		sync(e.needId());
	}

	@ApplicationModuleListener
	void on(PledgeCancelled e) {
		sync(e.needId());
	}

	@ApplicationModuleListener
	void on(PledgeLapsed e) {
		sync(e.needId());
	}

	@ApplicationModuleListener
	void on(PledgeShipped e) {
		sync(e.needId());
	}

	@ApplicationModuleListener
	void on(PledgeReceived e) {
		sync(e.needId());
	}

	private record Sent(String state, int remaining) {
	}

	/** Queues what the upper node has not heard yet about the need (runs in the listener's transaction). */
	void sync(long needId) {
		Optional<Link> upper = node.upperNode();
		if (upper.isEmpty()) {
			return;
		}
		String to = upper.get().node();
		// one need's events are handled one at a time, so two of them never both publish it
		jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(18, ?)").param((int) needId).query(Integer.class).single();
		Optional<Sent> sent = jdbc.sql("SELECT state, remaining_quantity FROM exchange_need_sent WHERE link_node = ? AND need_id = ?")
			.params(to, needId)
			.query((rs, n) -> new Sent(rs.getString(1), rs.getInt(2)))
			.optional();
		NeedViews.NeedView view;
		try {
			view = views.view(null, needId, baseUrl());
		}
		catch (NotFoundException notPublic) {
			view = null; // not public (yet, or any more: withdrawn)
		}
		if (view == null && sent.isEmpty()) {
			return; // never published upstream, nothing to tell
		}
		String state = view == null ? NeedState.WITHDRAWN.name() : view.state().name();
		int remaining = view == null ? 0 : view.remainingQuantity();
		if (sent.isPresent() && sent.get().state().equals(state) && sent.get().remaining() == remaining) {
			return;
		}
		ObjectNode payload = JsonNodeFactory.instance.objectNode();
		payload.put("id", needId);
		payload.put("originNode", node.id());
		if (sent.isEmpty()) {
			payload.put("title", view.title());
			payload.put("category", view.category().name());
			payload.put("regionCode", view.regionCode());
			ArrayNode items = payload.putArray("items");
			view.items().forEach(i -> items.addObject()
				.put("name", i.name())
				.put("quantity", i.quantity())
				.put("unit", i.unit())
				.put("valueFen", i.valueFen()));
			payload.put("remainingQuantity", remaining);
			payload.put("state", state);
			payload.put("url", view.shareUrl());
			outbox.enqueue(to, MessageKind.NEED_PUBLISHED, payload);
		}
		else {
			payload.put("state", state);
			payload.put("remainingQuantity", remaining);
			if (!NeedState.OPEN.contains(NeedState.valueOf(state)) && NeedState.valueOf(state) != NeedState.PLEDGED) {
				payload.put("outcome", messages.getMessage("need.state." + state, null, state, Locale.SIMPLIFIED_CHINESE));
			}
			outbox.enqueue(to, MessageKind.NEED_CHANGED, payload);
		}
		jdbc.sql("""
				INSERT INTO exchange_need_sent (link_node, need_id, state, remaining_quantity, sent_at) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (link_node, need_id) DO UPDATE SET state = excluded.state, remaining_quantity = excluded.remaining_quantity,
				    sent_at = excluded.sent_at""")
			.params(to, needId, state, remaining, Timestamp.from(clock.instant()))
			.update();
	}

	private String baseUrl() {
		return publicUrl.isEmpty() ? "http://localhost:" + environment.getProperty("local.server.port", "8080") : publicUrl;
	}
}
