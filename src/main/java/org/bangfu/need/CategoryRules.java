package org.bangfu.need;

import org.bangfu.shared.NotPermittedException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.account.Role;
import org.bangfu.shared.BadInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The category rules, configurable by the city office. */
@Component
public class CategoryRules {

	private final JdbcClient jdbc;

	private final OperationLog log;

	private final Clock clock;

	public CategoryRules(JdbcClient jdbc, OperationLog log, Clock clock) {
		this.jdbc = jdbc;
		this.log = log;
		this.clock = clock;
	}

	public List<CategoryRule> all() {
		return jdbc.sql("SELECT * FROM need_category_rule").query(CategoryRules::rule).list().stream()
			.sorted((a, b) -> a.category().compareTo(b.category()))
			.toList();
	}

	public CategoryRule of(NeedCategory category) {
		return jdbc.sql("SELECT * FROM need_category_rule WHERE category = ?").param(category.name()).query(CategoryRules::rule).single();
	}

	@Transactional
	public CategoryRule update(BangfuUser by, CategoryRule rule) {
		if (!by.has(Role.CITY_ADMIN)) {
			throw new NotPermittedException("error.forbidden");
		}
		if (rule.maxItemValueFen() <= 0 || rule.maxNeedValueFen() <= 0 || rule.usualValueFen() <= 0
				|| rule.maxItemValueFen() > rule.maxNeedValueFen()) {
			throw new BadInputException("need.rule.values");
		}
		if (rule.minPhotos() < 0 || rule.minPhotos() > NeedPhotos.MAX_PHOTOS || rule.repeatDays() < 0 || rule.itemKinds().isEmpty()) {
			throw new BadInputException("need.rule.values");
		}
		jdbc.sql("""
				UPDATE need_category_rule SET max_item_value_fen = ?, max_need_value_fen = ?, usual_value_fen = ?, min_photos = ?,
				       item_kinds = ?, suspicious_words = ?, repeat_days = ?, updated_by = ?, updated_at = ?
				WHERE category = ?""")
			.params(rule.maxItemValueFen(), rule.maxNeedValueFen(), rule.usualValueFen(), rule.minPhotos(), clean(rule.itemKinds()),
					clean(rule.suspiciousWords()), rule.repeatDays(), by.id(), Timestamp.from(clock.instant()), rule.category().name())
			.update();
		log.record(by.id(), "need.rule.update", "category:" + rule.category(), null, rule.toString());
		return of(rule.category());
	}

	private static String[] clean(List<String> words) {
		return words.stream().map(String::strip).filter(w -> !w.isEmpty()).distinct().toArray(String[]::new);
	}

	private static CategoryRule rule(ResultSet rs, int n) throws SQLException {
		return new CategoryRule(NeedCategory.valueOf(rs.getString("category")), rs.getLong("max_item_value_fen"),
				rs.getLong("max_need_value_fen"), rs.getLong("usual_value_fen"), rs.getInt("min_photos"),
				Arrays.asList((String[]) rs.getArray("item_kinds").getArray()),
				Arrays.asList((String[]) rs.getArray("suspicious_words").getArray()), rs.getInt("repeat_days"));
	}
}
