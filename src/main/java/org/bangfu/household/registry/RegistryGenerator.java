package org.bangfu.household.registry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.bangfu.shared.IdentityNumber;

/**
 * Writes realistic synthetic registry files — for demos, tests and benchmarks, never real people:
 * households of 1 to 7 with consistent ages and relations, valid ID numbers (county, birth date,
 * gender digit, check character) unique across the file, the usual mix of causes, lifted years and
 * phones. Streams, so a million households take no more memory than ten; deterministic for a seed.
 */
public final class RegistryGenerator {

	public record Village(String countyName, String townshipName, String villageName, String code) {
	}

	static final String HEADER = "县,乡（镇）,行政村,户编号,人编号,姓名,证件号码,与户主关系,性别,民族,文化程度,在校生状况,健康状况,劳动技能,务工状况,贫困户属性,主要致贫原因,脱贫属性,脱贫年度,联系电话";

	private static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
		.split("");

	private static final String[] GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国红梅玉兰春生秋菊冬梅德福海燕志强永红桂花金凤小龙佳怡子豪浩然梓涵欣怡宇轩雨婷俊杰晓东文斌")
		.split("");

	private static final String[][] CAUSES = { { "因病", "40" }, { "因残", "15" }, { "因学", "10" }, { "缺劳力", "10" }, { "缺技术", "8" },
			{ "缺资金", "8" }, { "因灾", "3" }, { "缺土地", "2" }, { "缺水", "1" }, { "交通条件落后", "1" }, { "自身发展动力不足", "1" }, { "其他", "1" } };

	private static final int[] FAMILY_SIZE_WEIGHTS = { 18, 22, 25, 18, 10, 5, 2 };

	private final SplittableRandom random;

	private final Map<String, Integer> usedOrders = new HashMap<>();

	private RegistryGenerator(long seed) {
		this.random = new SplittableRandom(seed);
	}

	/** Writes the file (UTF-8 with BOM, a title row, then the header) for the villages, households spread evenly. */
	public static void write(Path out, List<Village> villages, long households, long seed) throws IOException {
		try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
			generate(villages, households, seed, w);
		}
	}

	public static void generate(List<Village> villages, long households, long seed, Writer out) throws IOException {
		new RegistryGenerator(seed).run(villages, households, out);
	}

	private void run(List<Village> villages, long households, Writer out) throws IOException {
		out.write('\uFEFF');
		out.write("建档立卡贫困人口花名册（合成数据，非真实人员）\r\n");
		out.write(HEADER);
		out.write("\r\n");
		long[] sequence = new long[villages.size()];
		StringBuilder row = new StringBuilder(256);
		for (long h = 0; h < households; h++) {
			int v = (int) (h % villages.size());
			Village village = villages.get(v);
			String number = village.code() + String.format("%06d", ++sequence[v]);
			household(village, number, row, out);
		}
	}

	private void household(Village village, String number, StringBuilder row, Writer out) throws IOException {
		int size = pick(FAMILY_SIZE_WEIGHTS) + 1;
		String surname = SURNAMES[random.nextInt(SURNAMES.length)];
		String cause = pickCause();
		boolean lifted = random.nextInt(100) < 85;
		String year = lifted ? String.valueOf(2016 + random.nextInt(5)) : "";
		String phone = random.nextInt(100) < 60 ? "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)) : "";
		boolean headMale = random.nextInt(100) < 75;
		LocalDate headBirth = LocalDate.of(1940 + random.nextInt(50), 1, 1).plusDays(random.nextInt(365));
		String county = village.code().substring(0, 6);
		int member = 0;
		String[] relations = { "户主", "配偶", "之子", "之女", "之孙子", "之孙女", "之父", "之母" };
		for (int i = 0; i < size; i++) {
			String relation;
			boolean male;
			LocalDate birth;
			String givenSurname = surname;
			if (i == 0) {
				relation = relations[0];
				male = headMale;
				birth = headBirth;
			}
			else if (i == 1 && size > 1 && random.nextInt(100) < 80) {
				relation = relations[1];
				male = !headMale;
				birth = headBirth.plusDays(random.nextInt(3650) - 1825);
				givenSurname = SURNAMES[random.nextInt(SURNAMES.length)];
			}
			else if (i >= 4 && headBirth.getYear() < 1975) {
				male = random.nextBoolean();
				relation = male ? relations[4] : relations[5];
				birth = headBirth.plusYears(45 + random.nextInt(10)).plusDays(random.nextInt(365));
			}
			else {
				male = random.nextBoolean();
				relation = male ? relations[2] : relations[3];
				birth = headBirth.plusYears(20 + random.nextInt(15)).plusDays(random.nextInt(365));
			}
			if (birth.isAfter(LocalDate.of(2023, 12, 31))) {
				birth = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(300));
			}
			String id = idNumber(county, birth, male);
			int age = 2023 - birth.getYear();
			String schooling = age >= 6 && age <= 12 ? "小学" : age <= 15 && age > 12 ? "初中" : age <= 18 && age > 15 ? "高中" : "";
			String health = cause.equals("因病") && i == 0 ? "长期慢性病" : cause.equals("因残") && i == 0 ? "残疾" : "健康";
			row.setLength(0);
			row.append(village.countyName()).append(',').append(village.townshipName()).append(',').append(village.villageName()).append(',')
				.append(number).append(',').append(number).append(String.format("%02d", ++member)).append(',')
				.append(givenSurname).append(GIVEN[random.nextInt(GIVEN.length)]).append(random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "")
				.append(',').append(id).append(',').append(relation).append(',').append(male ? "男" : "女").append(",汉族,")
				.append(age < 6 ? "学龄前儿童" : schooling.isEmpty() ? "小学" : "").append(',').append(schooling).append(',').append(health)
				.append(',').append(age >= 18 && age <= 60 ? "普通劳动力" : "无劳动力").append(',')
				.append(age >= 18 && age <= 50 && random.nextBoolean() ? "省外务工" : "").append(",一般贫困户,")
				.append(i == 0 ? cause : "").append(',').append(lifted ? "已脱贫" : "未脱贫").append(',').append(year).append(',')
				.append(i == 0 ? phone : "").append("\r\n");
			out.append(row);
		}
	}

	/** An ID number unique in this file: the sequence digits count up per county and birth date. */
	private String idNumber(String county, LocalDate birth, boolean male) {
		LocalDate date = birth;
		while (true) {
			String key = county + date;
			int used = usedOrders.merge(key + (male ? "m" : "f"), 1, Integer::sum) - 1;
			if (used < 500) {
				int order = used * 2 + (male ? 1 : 0);
				return IdentityNumber.withCheckCharacter(county + date.toString().replace("-", "") + String.format("%03d", order));
			}
			date = date.plusDays(1);
		}
	}

	private int pick(int[] weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int r = random.nextInt(total);
		for (int i = 0; i < weights.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	private String pickCause() {
		int r = random.nextInt(100);
		for (String[] c : CAUSES) {
			r -= Integer.parseInt(c[1]);
			if (r < 0) {
				return c[0];
			}
		}
		return "其他";
	}
}
