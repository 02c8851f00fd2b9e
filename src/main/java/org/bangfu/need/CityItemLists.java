package org.bangfu.need;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.account.Role;
import org.bangfu.shared.NotPermittedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's item lists (non-essential goods, brands, item kinds with their words and prices), read by the abuse rules
 * and replaced as a whole by the city office: a list is edited as text on one page, so a save either takes every line
 * or, at the first bad line, none.
 */
@Component
public class CityItemLists {

	private final JdbcClient jdbc;

	private final OperationLog log;

	private final CategoryRules rules;

	CityItemLists(JdbcClient jdbc, OperationLog log, CategoryRules rules) {
		this.jdbc = jdbc;
		this.log = log;
		this.rules = rules;
	}

	public ItemLists current() {
		List<ItemLists.Goods> goods = jdbc.sql("SELECT name, aliases FROM need_nonessential_good ORDER BY position")
			.query((rs, n) -> new ItemLists.Goods(rs.getString("name"), words(rs.getArray("aliases")))).list();
		List<ItemLists.Brand> brands = jdbc.sql("SELECT name, aliases, goods FROM need_brand ORDER BY position")
			.query((rs, n) -> new ItemLists.Brand(rs.getString("name"), words(rs.getArray("aliases")), words(rs.getArray("goods")))).list();
		List<ItemLists.Kind> kinds = jdbc.sql("SELECT kind, usual_unit_fen, upper_unit_fen, words FROM need_item_kind ORDER BY position")
			.query((rs, n) -> new ItemLists.Kind(rs.getString("kind"), rs.getLong("usual_unit_fen"), rs.getLong("upper_unit_fen"),
					words(rs.getArray("words")))).list();
		return new ItemLists(goods, brands, kinds);
	}

	/** Every item kind some category allows: the kinds a price and words may be given for. */
	public Set<String> knownKinds() {
		Set<String> kinds = new TreeSet<>();
		rules.all().forEach(r -> kinds.addAll(r.itemKinds()));
		return kinds;
	}

	@Transactional
	public void replaceGoods(BangfuUser by, String text) {
		allowed(by);
		List<ItemLists.Goods> goods = ItemListText.goods(text);
		jdbc.sql("DELETE FROM need_nonessential_good").update();
		int position = 0;
		for (ItemLists.Goods g : goods) {
			jdbc.sql("INSERT INTO need_nonessential_good (name, aliases, position) VALUES (?, ?, ?)")
				.params(g.name(), g.aliases().toArray(String[]::new), position++).update();
		}
		log.record(by.id(), "need.list.goods", null, null, names(goods, ItemLists.Goods::name));
	}

	@Transactional
	public void replaceBrands(BangfuUser by, String text) {
		allowed(by);
		List<ItemLists.Brand> brands = ItemListText.brands(text);
		jdbc.sql("DELETE FROM need_brand").update();
		int position = 0;
		for (ItemLists.Brand b : brands) {
			jdbc.sql("INSERT INTO need_brand (name, aliases, goods, position) VALUES (?, ?, ?, ?)")
				.params(b.name(), b.aliases().toArray(String[]::new), b.goods().toArray(String[]::new), position++).update();
		}
		log.record(by.id(), "need.list.brands", null, null, names(brands, ItemLists.Brand::name));
	}

	@Transactional
	public void replaceKinds(BangfuUser by, String text) {
		allowed(by);
		List<ItemLists.Kind> kinds = ItemListText.kinds(text, knownKinds());
		jdbc.sql("DELETE FROM need_item_kind").update();
		int position = 0;
		for (ItemLists.Kind k : kinds) {
			jdbc.sql("INSERT INTO need_item_kind (kind, usual_unit_fen, upper_unit_fen, words, position) VALUES (?, ?, ?, ?, ?)")
				.params(k.kind(), k.usualUnitFen(), k.upperUnitFen(), k.words().toArray(String[]::new), position++).update();
		}
		log.record(by.id(), "need.list.kinds", null, null, names(kinds, ItemLists.Kind::kind));
	}

	private static void allowed(BangfuUser by) {
		if (!by.has(Role.CITY_ADMIN)) {
			throw new NotPermittedException("error.forbidden");
		}
	}

	private static <T> String names(List<T> entries, Function<T, String> name) {
		return String.join("、", entries.stream().map(name).toList());
	}

	private static List<String> words(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}
}
