package org.bangfu.demo;

import org.bangfu.household.PovertyCause;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.IdentityNumber;
import org.bangfu.shared.PersonalData;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo registry households in the demo villages — synthetic people with valid-looking ID numbers,
 * members, causes and consent records (one household deliberately without consent). The demo
 * household account 13800000051 is linked to 张大山's household. Runs after the demo accounts.
 */
@Component
@Profile("!command")
@Order(1)
class DemoHouseholds implements ApplicationRunner {

	record Person(String name, String relation, String gender, String born, String health, String schooling) {
	}

	record Demo(String number, String village, PovertyCause cause, Integer liftedYear, String phone, String consentBy,
			String witness, List<Person> people) {
	}

	static final List<Demo> HOUSEHOLDS = List.of(
			new Demo("4304211002030001", "430421100203", PovertyCause.ILLNESS, 2019, "13807340001", "13800000004", "13800000003", List.of(
					new Person("张大山", "户主", "男", "1958-03-12", "长期慢性病", null),
					new Person("王秀英", "配偶", "女", "1960-07-02", "健康", null),
					new Person("张小军", "之子", "男", "1985-10-21", "健康", null),
					new Person("张萌", "之孙女", "女", "2012-05-30", "健康", "小学"))),
			new Demo("4304211002030002", "430421100203", PovertyCause.DISABILITY, null, null, "13800000004", "13800000003", List.of(
					new Person("李桂英", "户主", "女", "1962-07-04", "健康", null),
					new Person("李强", "之子", "男", "1990-01-15", "残疾", null))),
			new Demo("4304211002030003", "430421100203", PovertyCause.SCHOOLING, 2020, "13807340003", null, null, List.of(
					new Person("王春生", "户主", "男", "1975-01-18", "健康", null),
					new Person("赵月娥", "配偶", "女", "1977-09-09", "健康", null),
					new Person("王佳怡", "之女", "女", "2008-04-11", "健康", "初中"),
					new Person("王子豪", "之子", "男", "2006-12-01", "健康", "高中"))),
			new Demo("4304211002030004", "430421100203", PovertyCause.LACK_OF_LABOUR, 2018, null, "13800000004", "13800000003", List.of(
					new Person("刘冬梅", "户主", "女", "1981-12-25", "健康", null),
					new Person("刘欣", "之女", "女", "2010-08-08", "健康", "小学"))),
			new Demo("4304221032310001", "430422103231", PovertyCause.ILLNESS, null, "13807340005", "13800000014", "13800000013", List.of(
					new Person("陈石头", "户主", "男", "1955-09-05", "大病", null))),
			new Demo("4304221032310002", "430422103231", PovertyCause.LACK_OF_FUNDS, 2020, null, "13800000014", "13800000013", List.of(
					new Person("周秀兰", "户主", "女", "1969-03-21", "健康", null),
					new Person("陈建国", "配偶", "男", "1967-06-16", "健康", null))));

	private final Accounts accounts;

	private final PersonalData personalData;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean enabled;

	DemoHouseholds(Accounts accounts, PersonalData personalData, JdbcClient jdbc, TransactionTemplate transactions,
			BangfuProperties properties, Environment environment, Clock clock) {
		this.accounts = accounts;
		this.personalData = personalData;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.enabled = properties.seedsDemo(environment);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || jdbc.sql("SELECT count(*) FROM household").query(Long.class).single() > 0) {
			return;
		}
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("INSERT INTO poor_village (region_code) VALUES ('430422103231') ON CONFLICT DO NOTHING").update();
			for (Demo d : HOUSEHOLDS) {
				seed(d);
			}
		});
	}

	private void seed(Demo d) {
		Timestamp now = Timestamp.from(clock.instant());
		String county = d.village().substring(0, 6);
		Person head = d.people().get(0);
		String headId = idNumber(county, head, 1);
		long id = jdbc.sql("""
				INSERT INTO household (household_number, region_code, head_name, head_id_hash, head_id_cipher, member_count,
				                       poverty_cause, household_type, lifted, lifted_year, phone_hash, phone_cipher, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, '一般贫困户', ?, ?, ?, ?, ?) RETURNING id""")
			.params(d.number(), d.village(), head.name(), personalData.lookupHash(headId), personalData.encrypt(headId), d.people().size(),
					d.cause().name(), d.liftedYear() != null, d.liftedYear(), d.phone() == null ? null : personalData.lookupHash(d.phone()),
					d.phone() == null ? null : personalData.encrypt(d.phone()), now)
			.query(Long.class)
			.single();
		int seq = 1;
		for (Person p : d.people()) {
			String idNumber = idNumber(county, p, seq++);
			jdbc.sql("""
					INSERT INTO household_member (household_id, region_code, member_number, name, id_hash, id_cipher, relation, gender,
					                              birth_date, health, schooling)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, d.village(), d.number() + String.format("%02d", seq - 1), p.name(), personalData.lookupHash(idNumber),
						personalData.encrypt(idNumber), p.relation(), p.gender(), java.sql.Date.valueOf(p.born()), p.health(), p.schooling())
				.update();
		}
		if (d.consentBy() != null) {
			long recorder = accounts.findByPhone(d.consentBy()).map(BangfuUser::id).orElseThrow();
			long witness = accounts.findByPhone(d.witness()).map(BangfuUser::id).orElseThrow();
			jdbc.sql("""
					INSERT INTO consent (household_id, region_code, post_on_behalf, publish_photos, method, witness_id, given_on,
					                     recorded_by, recorded_at)
					VALUES (?, ?, true, ?, 'WITNESSED', ?, ?, ?, ?)""")
				.params(id, d.village(), !head.name().equals("李桂英"), witness, java.sql.Date.valueOf(LocalDate.now(clock).minusDays(20)),
						recorder, now)
				.update();
		}
		if (head.name().equals("张大山")) {
			accounts.findByPhone("13800000051").map(BangfuUser::id)
				.ifPresent(account -> jdbc.sql("UPDATE household SET account_id = ? WHERE id = ?").params(account, id).update());
		}
	}

	/** A synthetic ID number: county, birth date, a sequence whose parity gives the gender, the check character. */
	private static String idNumber(String county, Person p, int seq) {
		int order = seq * 2 + (p.gender().equals("男") ? 1 : 0);
		return IdentityNumber.withCheckCharacter(county + p.born().replace("-", "") + String.format("%03d", order % 1000));
	}
}
