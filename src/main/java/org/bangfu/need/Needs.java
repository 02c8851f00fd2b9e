package org.bangfu.need;

import org.bangfu.shared.ConflictException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bangfu.account.Accounts;
import org.bangfu.household.Households;
import org.bangfu.region.Region;
import org.bangfu.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Loads and saves needs with their items and transitions: the SQL of the need tables. */
@Component
public class Needs {

	private final JdbcClient jdbc;

	private final Households households;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	Needs(JdbcClient jdbc, Households households, Accounts accounts, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.households = households;
		this.accounts = accounts;
		this.events = events;
	}

	/** The keyword index of a need's text, built from what the public reads (names masked): names are not searchable. */
	private String searchPairs(Long householdId, NeedContent c) {
		List<String> names = householdId == null ? List.of() : households.memberNames(List.of(householdId)).getOrDefault(householdId, List.of());
		return NeedSearch.pairs(PublicText.mask(c.title(), names), PublicText.mask(c.story(), names));
	}

	/** A pledge of staff within their own scope arrived for the need: the matching rate counts it apart (read models). */
	void markStaffMet(long id) {
		jdbc.sql("UPDATE need SET staff_met = true WHERE id = ? AND NOT staff_met").param(id).update();
	}

	/** Inserts a new draft and records its creation as the first transition. */
	long insert(String regionCode, Long householdId, String producer, long posterId, String reportingUnit, boolean onBehalf,
			NeedContent content, Long previousNeedId, Instant at) {
		ProductSale sale = content.sale();
		long id = jdbc.sql("""
				INSERT INTO need (region_code, category, title, story, household_id, producer, urgency, needed_by, state, poster_id,
				                  on_behalf, total_quantity, total_value_fen, product, price_fen, production_cycle, sales_from_month,
				                  sales_to_month, previous_need_id, created_at, updated_at, search_pairs, reporting_unit)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(regionCode, content.category().name(), content.title(), content.story(), householdId, producer,
					content.urgency().rank(), content.neededBy() == null ? null : Date.valueOf(content.neededBy()), posterId, onBehalf,
					content.totalQuantity(), content.totalValueFen(), sale == null ? null : sale.product(),
					sale == null ? null : sale.priceFen(), sale == null ? null : sale.productionCycle(),
					sale == null ? null : sale.fromMonth(), sale == null ? null : sale.toMonth(), previousNeedId, Timestamp.from(at),
					Timestamp.from(at), searchPairs(householdId, content), reportingUnit)
			.query(Long.class)
			.single();
		insertItems(id, content.items());
		jdbc.sql("INSERT INTO need_transition (need_id, action, from_state, to_state, actor_id, at) VALUES (?, 'CREATE', NULL, 'DRAFT', ?, ?)")
			.params(id, posterId, Timestamp.from(at))
			.update();
		return id;
	}

	private void insertItems(long needId, List<NeedItem> items) {
		int position = 0;
		for (NeedItem item : items) {
			jdbc.sql("INSERT INTO need_item (need_id, position, kind, name, quantity, unit, value_fen, pledged_quantity, money) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(needId, position++, item.kind(), item.name(), item.quantity(), item.unit(), item.valueFen(), item.pledgedQuantity(), item.money())
				.update();
		}
	}

	/**
	 * Writes the need's state, content and recorded transitions, if nobody changed it since it was
	 * loaded (otherwise 409, and nothing is written), and publishes the need's events in the same transaction (the fund
	 * hears of a need that ended; the publication registry keeps the event for its listener after the commit).
	 */
	public void save(Need need) {
		NeedContent c = need.content();
		ProductSale sale = c.sale();
		boolean edited = need.recorded().stream().anyMatch(t -> t.action() == NeedAction.EDIT);
		int updated = jdbc.sql("""
				UPDATE need SET category = ?, title = ?, story = ?, urgency = ?, needed_by = ?, state = ?, total_quantity = ?,
				       total_value_fen = ?, product = ?, price_fen = ?, production_cycle = ?, sales_from_month = ?, sales_to_month = ?,
				       reject_reason = ?, verified_by = ?, submitted_at = ?, verified_at = ?, published_at = ?, updated_at = ?,
				       search_pairs = coalesce(?, search_pairs), pledged_quantity = ?, pledges_active = ?, pledges_on_way = ?,
				       pledges_received = ?, held_by = ?, version = version + 1
				WHERE id = ? AND version = ?""")
			.params(c.category().name(), c.title(), c.story(), c.urgency().rank(), c.neededBy() == null ? null : Date.valueOf(c.neededBy()),
					need.state().name(), c.totalQuantity(), c.totalValueFen(), sale == null ? null : sale.product(),
					sale == null ? null : sale.priceFen(), sale == null ? null : sale.productionCycle(),
					sale == null ? null : sale.fromMonth(), sale == null ? null : sale.toMonth(), need.rejectReason(), need.verifiedBy(),
					ts(need.submittedAt()), ts(need.verifiedAt()), ts(need.publishedAt()), ts(need.updatedAt()),
					edited ? searchPairs(need.householdId(), c) : null, need.pledgedQuantity(), need.pledges().active(),
					need.pledges().onWay(), need.pledges().received(), need.heldBy(), need.id(), need.version())
			.update();
		if (updated == 0) {
			throw new ConflictException("need.changed-meanwhile");
		}
		if (edited) {
			jdbc.sql("DELETE FROM need_item WHERE need_id = ?").param(need.id()).update();
			insertItems(need.id(), c.items());
		}
		else if (need.pledgesChanged()) {
			int position = 0;
			for (NeedItem item : c.items()) {
				jdbc.sql("UPDATE need_item SET pledged_quantity = ? WHERE need_id = ? AND position = ?")
					.params(item.pledgedQuantity(), need.id(), position++)
					.update();
			}
		}
		for (NeedTransition t : need.recorded()) {
			jdbc.sql("INSERT INTO need_transition (need_id, action, from_state, to_state, actor_id, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(need.id(), t.action().name(), t.from().name(), t.to().name(), t.actorId(), t.reason(), Timestamp.from(t.at()))
				.update();
		}
		need.events().forEach(events::publishEvent);
	}

	private static Timestamp ts(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	public Optional<Need> find(long id) {
		Optional<Need> need = jdbc.sql("SELECT * FROM need WHERE id = ?").param(id).query(this::need).optional();
		return need;
	}

	/** The need, if it lies within the region's subtree; otherwise 404 (whether or not it exists). */
	public Need get(long id, Region scope) {
		return find(id).filter(n -> scope.contains(n.regionCode())).orElseThrow(() -> new NotFoundException("need.not-found"));
	}

	public Need get(long id) {
		return find(id).orElseThrow(() -> new NotFoundException("need.not-found"));
	}

	List<NeedItem> items(long needId) {
		return jdbc.sql("SELECT * FROM need_item WHERE need_id = ? ORDER BY position")
			.param(needId)
			.query((rs, n) -> item(rs))
			.list();
	}

	private static NeedItem item(ResultSet rs) throws SQLException {
		return new NeedItem(rs.getString("kind"), rs.getString("name"), rs.getInt("quantity"), rs.getString("unit"),
				rs.getLong("value_fen"), rs.getInt("pledged_quantity"), rs.getBoolean("money"));
	}

	/** Items of many needs in one query, for lists. */
	Map<Long, List<NeedItem>> itemsOf(List<Long> needIds) {
		if (needIds.isEmpty()) {
			return Map.of();
		}
		List<Object[]> rows = new ArrayList<>();
		jdbc.sql("SELECT * FROM need_item WHERE need_id = ANY(?) ORDER BY need_id, position")
			.param(needIds.toArray(Long[]::new))
			.query(rs -> {
				rows.add(new Object[] { rs.getLong("need_id"), item(rs) });
			});
		return rows.stream()
			.collect(Collectors.groupingBy(r -> (Long) r[0], Collectors.mapping(r -> (NeedItem) r[1], Collectors.toList())));
	}

	/** The needs of one household, whoever posted them, most recently changed first (at most 100), with their items. */
	public List<Need> ofHousehold(long householdId) {
		List<Long> ids = jdbc.sql("SELECT id FROM need WHERE household_id = ? ORDER BY updated_at DESC, id DESC LIMIT 100")
			.param(householdId)
			.query(Long.class)
			.list();
		Map<Long, Need> found = findAll(ids);
		return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	/** Many needs with their items in two queries, for lists; those that do not exist are missing from the answer. */
	public Map<Long, Need> findAll(List<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<NeedItem>> items = itemsOf(ids);
		Map<Long, Need> found = new java.util.LinkedHashMap<>();
		jdbc.sql("SELECT * FROM need WHERE id = ANY(?) ORDER BY id")
			.param(ids.toArray(Long[]::new))
			.query(rs -> {
				Need n = need(rs, items.getOrDefault(rs.getLong("id"), List.of()));
				found.put(n.id(), n);
			});
		return found;
	}

	private Need need(ResultSet rs, int rowNum) throws SQLException {
		return need(rs, items(rs.getLong("id")));
	}

	private Need need(ResultSet rs, List<NeedItem> items) throws SQLException {
		long id = rs.getLong("id");
		ProductSale sale = rs.getString("product") == null ? null
				: new ProductSale(rs.getString("product"), rs.getLong("price_fen"), rs.getString("production_cycle"),
						rs.getInt("sales_from_month"), rs.getInt("sales_to_month"));
		NeedContent content = new NeedContent(NeedCategory.valueOf(rs.getString("category")), rs.getString("title"),
				rs.getString("story"), items, Urgency.ofRank(rs.getInt("urgency")),
				rs.getDate("needed_by") == null ? null : rs.getDate("needed_by").toLocalDate(), sale);
		return new Need(id, rs.getString("region_code"), (Long) rs.getObject("household_id"), rs.getString("producer"),
				rs.getLong("poster_id"), rs.getBoolean("on_behalf"), content, NeedState.valueOf(rs.getString("state")),
				rs.getInt("pledged_quantity"),
				new PledgeCounts(rs.getInt("pledges_active"), rs.getInt("pledges_on_way"), rs.getInt("pledges_received")),
				rs.getString("reject_reason"), (Long) rs.getObject("verified_by"), instant(rs, "created_at"),
				instant(rs, "submitted_at"), instant(rs, "verified_at"), instant(rs, "published_at"), instant(rs, "updated_at"),
				(Long) rs.getObject("previous_need_id"), (Long) rs.getObject("held_by"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	/** A transition as the history shows it. */
	public record HistoryEntry(String action, NeedState from, NeedState to, String actorName, String reason, Instant at) {
	}

	/** The need's transitions, oldest first; the actors' names come from the account module, in one query for all of them. */
	List<HistoryEntry> history(long needId) {
		record Row(String action, NeedState from, NeedState to, Long actorId, String reason, Instant at) {
		}
		List<Row> rows = jdbc.sql("SELECT action, from_state, to_state, actor_id, reason, at FROM need_transition WHERE need_id = ? ORDER BY id")
			.param(needId)
			.query((rs, n) -> new Row(rs.getString("action"),
					rs.getString("from_state") == null ? null : NeedState.valueOf(rs.getString("from_state")),
					NeedState.valueOf(rs.getString("to_state")), (Long) rs.getObject("actor_id"), rs.getString("reason"),
					rs.getTimestamp("at").toInstant()))
			.list();
		Map<Long, String> names = accounts.namesOf(rows.stream().map(Row::actorId).filter(java.util.Objects::nonNull).distinct().toList());
		return rows.stream()
			.map(r -> new HistoryEntry(r.action(), r.from(), r.to(), r.actorId() == null ? null : names.get(r.actorId()), r.reason(), r.at()))
			.toList();
	}

	/** A finding of the abuse rules. */
	public record Flag(String rule, List<String> args) {

		public String messageKey() {
			return "need.flag." + rule;
		}

		/** How strongly the finding speaks against publishing ({@link FlagSeverity}). */
		public int severity() {
			return FlagSeverity.of(rule);
		}
	}

	void replaceFlags(long needId, List<Flag> flags) {
		jdbc.sql("DELETE FROM need_flag WHERE need_id = ?").param(needId).update();
		for (Flag f : flags) {
			jdbc.sql("INSERT INTO need_flag (need_id, rule, detail) VALUES (?, ?, ?)")
				.params(needId, f.rule(), String.join("\u001f", f.args()))
				.update();
		}
	}

	List<Flag> flags(long needId) {
		return jdbc.sql("SELECT rule, detail FROM need_flag WHERE need_id = ? ORDER BY rule")
			.param(needId)
			.query((rs, n) -> new Flag(rs.getString("rule"), List.of(rs.getString("detail").split("\u001f", -1))))
			.list();
	}
}
