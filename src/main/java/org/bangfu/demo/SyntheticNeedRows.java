package org.bangfu.demo;

import static org.bangfu.demo.NeedTemplates.AILMENTS;
import static org.bangfu.demo.NeedTemplates.FAMILY;
import static org.bangfu.demo.NeedTemplates.HOUSE;
import static org.bangfu.demo.NeedTemplates.INCOME;
import static org.bangfu.demo.NeedTemplates.ITEMS;
import static org.bangfu.demo.NeedTemplates.MAX_NEED_YUAN;
import static org.bangfu.demo.NeedTemplates.PRODUCTS;
import static org.bangfu.demo.NeedTemplates.SCHOOL;
import static org.bangfu.demo.NeedTemplates.SCHOOL_AGE;
import static org.bangfu.demo.NeedTemplates.THANKS;
import static org.bangfu.demo.NeedTemplates.addLine;
import static org.bangfu.demo.NeedTemplates.category;
import static org.bangfu.demo.NeedTemplates.joinNames;
import static org.bangfu.demo.NeedTemplates.name;
import static org.bangfu.demo.NeedTemplates.pick;
import static org.bangfu.demo.NeedTemplates.shortName;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.bangfu.demo.NeedTemplates.Item;
import org.bangfu.demo.NeedTemplates.Product;
import org.bangfu.need.NeedCategory;
import org.bangfu.need.NeedSearch;

/** Writes synthetic needs and their items as COPY text lines, made up from {@link NeedTemplates}; reuses a buffer, so not for sharing between threads. */
final class SyntheticNeedRows {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final StringBuilder s = new StringBuilder(400);

	/** Writes one need's COPY line and its items' lines; returns the number of items. */
	int need(long id, String[] village, SplittableRandom r, long[] staff, Instant now, StringBuilder needs, StringBuilder items) {
		NeedCategory category = category(r);
		String villageName = village[1];
		String title;
		String story;
		String producer;
		String product = null;
		long priceFen = 0;
		Product p = null;
		List<long[]> lines = new ArrayList<>(4); // quantity, value fen
		List<String[]> lineText = new ArrayList<>(4); // kind, name, unit
		int age = 35 + r.nextInt(50);
		if (category == NeedCategory.PRODUCT_SALES) {
			p = PRODUCTS[r.nextInt(PRODUCTS.length)];
			product = p.name();
			priceFen = 100L * (p.minYuan() + r.nextInt(p.maxYuan() - p.minYuan() + 1));
			producer = shortName(villageName) + p.name() + pick(new String[] { "专业合作社", "种养合作社", "扶贫车间", "家庭农场" }, r);
			int qty = (int) Math.min(200 * (1 + r.nextInt(50)), 400_000_00L / priceFen); // the item cap: 500,000 yuan
			lines.add(new long[] { qty, qty * priceFen });
			lineText.add(new String[] { p.name().equals("腊肉") || p.name().equals("红薯粉") ? "加工品" : "农产品", p.name(), p.unit() });
			title = pick(new String[] { "%s的%s滞销，盼爱心人士认购", "%s新季%s上市，助农认购", "帮帮%s：%s找销路" }, r)
				.formatted(shortName(villageName), p.name());
			story = "%s地处山区，%s是村里的主要产业，今年%s产量约%d%s，%s，品质好但缺少销路。收购价每%s%d元，按%s出售，欢迎单位食堂和爱心人士认购，%s"
				.formatted(villageName, p.name(), p.name(), qty, p.unit(), pick(new String[] { "全部手工采摘", "不打农药", "传统工艺制作", "合作社统一分拣包装" }, r),
						p.unit(), priceFen / 100, p.cycle(), pick(THANKS, r));
		}
		else if (category == NeedCategory.VILLAGE) {
			producer = null;
			Item item = pick(ITEMS.get(category), r);
			addLine(item, r, lines, lineText);
			title = "%s%s项目".formatted(shortName(villageName), item.name());
			story = "%s共有%d户%d人，其中建档立卡贫困户%d户。%s，群众出行和生产很不方便。村两委经村民代表大会讨论，申请实施%s项目，所需资金缺口较大，%s"
				.formatted(villageName, 150 + r.nextInt(500), 600 + r.nextInt(2000), 10 + r.nextInt(80),
						pick(new String[] { "村里的路还是泥巴路，雨天无法通车", "村民饮水靠山泉，旱季经常断水", "晚上村道一片漆黑", "水渠年久失修，农田灌溉困难",
							"村里没有一处像样的活动场所" }, r),
						item.name(), pick(THANKS, r));
		}
		else {
			producer = name(r) + "家";
			Item[] choices = ITEMS.get(category);
			int count = 1 + Math.min(3, (int) Math.floor(-Math.log(1 - r.nextDouble()) * 0.9));
			List<Item> chosen = new ArrayList<>();
			long cap = MAX_NEED_YUAN.get(category) * 100L;
			long sum = 0;
			for (int attempt = 0; chosen.size() < count && attempt < 20; attempt++) {
				Item item = pick(choices, r);
				if (!chosen.contains(item)) {
					addLine(item, r, lines, lineText);
					long value = lines.get(lines.size() - 1)[1];
					if (sum + value > cap && !chosen.isEmpty()) { // within the category's total cap, as submission checks
						lines.remove(lines.size() - 1);
						lineText.remove(lineText.size() - 1);
						continue;
					}
					sum += value;
					chosen.add(item);
				}
			}
			String first = chosen.get(0).name();
			String who;
			String situation;
			switch (category) {
				case MEDICAL -> {
					who = pick(new String[] { "户主", "老人", "户主的妻子", "户主的父亲" }, r);
					situation = pick(AILMENTS, r);
				}
				case EDUCATION -> {
					who = pick(new String[] { "长子", "女儿", "孙子", "小儿子" }, r);
					int school = r.nextInt(SCHOOL.length);
					age = SCHOOL_AGE[school] + r.nextInt(3);
					situation = SCHOOL[school];
				}
				case HOUSING -> {
					who = "户主";
					situation = pick(HOUSE, r);
				}
				case ORPHAN_CARE -> {
					who = pick(new String[] { "孩子", "小姑娘", "小男孩" }, r);
					age = 5 + r.nextInt(12);
					situation = "父母双亡，现由年迈的亲属抚养";
				}
				default -> {
					who = pick(new String[] { "老人", "五保老人", "独居老人" }, r);
					age = 65 + r.nextInt(30);
					situation = pick(new String[] { "无儿无女，独自生活", "子女不在身边", "患有多种慢性病", "行动不便，生活难以自理" }, r);
				}
			}
			title = pick(new String[] { "%s急需%s", "帮%s解决%s", "%s的%s", "为%s筹集%s" }, r).formatted(producer, joinNames(chosen));
			s.setLength(0);
			s.append(villageName).append(producer).append(who).append("今年").append(age).append("岁，").append(situation).append("。")
				.append(pick(FAMILY, r)).append("，家庭收入主要靠").append(pick(INCOME, r)).append("，年人均收入不足")
				.append(2000 + 500 * r.nextInt(8)).append("元。");
			s.append("目前最需要的是").append(joinNames(chosen)).append("，").append(first).append("一项就要")
				.append(lines.get(0)[1] / 100).append("元左右，家里实在拿不出来。").append(pick(THANKS, r));
			story = s.toString();
		}
		int totalQty = 0;
		long totalValue = 0;
		for (long[] line : lines) {
			totalQty += (int) line[0];
			totalValue += line[1];
		}
		// 80% waiting for a first pledge, 20% partly pledged (needs of more than one unit)
		int pledged = 0;
		int[] linePledged = new int[lines.size()];
		if (totalQty > 1 && r.nextInt(5) == 0) {
			int target = 1 + r.nextInt(totalQty - 1);
			for (int i = 0; i < lines.size() && pledged < target; i++) {
				int take = (int) Math.min(lines.get(i)[0], target - pledged);
				linePledged[i] = take;
				pledged += take;
			}
		}
		String state = pledged > 0 ? "PARTLY_PLEDGED" : "PUBLISHED";
		int u = r.nextInt(100);
		int urgency = u < 60 ? 1 : u < 90 ? 2 : 3;
		Instant published = now.minusSeconds(r.nextLong(90L * 24 * 3600));
		Instant created = published.minusSeconds(3600 + r.nextLong(10L * 24 * 3600));
		Instant submitted = created.plusSeconds(r.nextLong(published.getEpochSecond() - created.getEpochSecond() + 1) / 2);
		Instant updated = pledged > 0 ? published.plusSeconds(r.nextLong(Math.max(1, now.getEpochSecond() - published.getEpochSecond()))) : published;
		LocalDate neededBy = r.nextInt(3) == 0 ? LocalDate.ofInstant(published.plus(30 + r.nextInt(150), ChronoUnit.DAYS), ZONE) : null;
		String pairs = NeedSearch.pairs(title, story);
		needs.append(id).append('\t').append(village[0]).append('\t').append(category.name()).append('\t').append(copyText(title)).append('\t')
			.append(copyText(story)).append("\t\\N\t").append(producer == null ? "\\N" : copyText(producer)).append('\t').append(urgency).append('\t')
			.append(neededBy == null ? "\\N" : neededBy.toString()).append('\t').append(state).append('\t').append(staff[0])
			.append('\t').append(category == NeedCategory.PRODUCT_SALES || category == NeedCategory.VILLAGE ? "f" : "t").append('\t')
			.append(totalQty).append('\t').append(pledged).append('\t').append(totalValue).append('\t');
		if (p != null) {
			needs.append(product).append('\t').append(priceFen).append('\t').append(p.cycle()).append('\t').append(p.fromMonth())
				.append('\t').append(p.toMonth()).append('\t');
		}
		else {
			needs.append("\\N\t\\N\t\\N\t\\N\t\\N\t");
		}
		needs.append(staff[1]).append('\t').append(created).append('\t').append(submitted).append('\t').append(published).append('\t')
			.append(published).append('\t').append(updated).append('\t').append(pledged > 0 ? 1 : 0).append('\t').append(copyText(pairs)).append('\n');
		for (int i = 0; i < lines.size(); i++) {
			String[] t = lineText.get(i);
			items.append(id).append('\t').append(i).append('\t').append(t[0]).append('\t').append(t[1]).append('\t')
				.append(lines.get(i)[0]).append('\t').append(t[2]).append('\t').append(lines.get(i)[1]).append('\t')
				.append(linePledged[i]).append('\n');
		}
		return lines.size();
	}

	/** COPY's text format: a backslash, tab or line break in a value must be escaped. */
	private static String copyText(String s) {
		if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
			return s;
		}
		return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}
}
