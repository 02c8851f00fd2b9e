package org.bangfu.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The villages, each with its province's weight, as a cumulative distribution. */
final class WeightedVillages {

	final List<String> codes = new ArrayList<>();

	final List<String> names = new ArrayList<>();

	double[] cumulative;

	String[] pick(SplittableRandom random) {
		double x = random.nextDouble() * cumulative[cumulative.length - 1];
		int i = java.util.Arrays.binarySearch(cumulative, x);
		if (i < 0) {
			i = -i - 1;
		}
		i = Math.min(i, cumulative.length - 1);
		return new String[] { codes.get(i), names.get(i) };
	}

	/**
	 * Where poor villages were (the 14 contiguous poor areas are mostly in the west and centre): a
	 * village of Guizhou or Gansu is far likelier to post than one of Shanghai or Zhejiang.
	 */
	private static final Map<String, Double> PROVINCE_WEIGHT = Map.ofEntries(Map.entry("11", 0.1), Map.entry("12", 0.1),
			Map.entry("13", 1.0), Map.entry("14", 1.2), Map.entry("15", 1.0), Map.entry("21", 0.5), Map.entry("22", 0.7),
			Map.entry("23", 0.8), Map.entry("31", 0.1), Map.entry("32", 0.3), Map.entry("33", 0.2), Map.entry("34", 1.0),
			Map.entry("35", 0.4), Map.entry("36", 1.2), Map.entry("37", 0.6), Map.entry("41", 1.2), Map.entry("42", 1.2),
			Map.entry("43", 1.5), Map.entry("44", 0.4), Map.entry("45", 1.5), Map.entry("46", 1.0), Map.entry("50", 1.2),
			Map.entry("51", 1.5), Map.entry("52", 2.0), Map.entry("53", 2.0), Map.entry("54", 2.0), Map.entry("61", 1.5),
			Map.entry("62", 2.0), Map.entry("63", 1.5), Map.entry("64", 1.5), Map.entry("65", 1.5));

	/** The villages whose code starts with the prefix, in code order. */
	static WeightedVillages load(Connection c, String prefix) throws SQLException {
		WeightedVillages v = new WeightedVillages();
		List<Double> weights = new ArrayList<>();
		try (PreparedStatement s = c.prepareStatement(
				"SELECT code, name FROM region WHERE level = 'VILLAGE' AND code LIKE ? ORDER BY code")) {
			s.setString(1, prefix + "%");
			s.setFetchSize(10_000);
			c.setAutoCommit(false);
			try (ResultSet rs = s.executeQuery()) {
				while (rs.next()) {
					String code = rs.getString(1);
					v.codes.add(code);
					v.names.add(rs.getString(2));
					weights.add(PROVINCE_WEIGHT.getOrDefault(code.substring(0, 2), 1.0));
				}
			}
			finally {
				c.commit();
				c.setAutoCommit(true);
			}
		}
		v.cumulative = new double[weights.size()];
		double sum = 0;
		for (int i = 0; i < weights.size(); i++) {
			sum += weights.get(i);
			v.cumulative[i] = sum;
		}
		return v;
	}
}
