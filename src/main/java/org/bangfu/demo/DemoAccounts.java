package org.bangfu.demo;

import org.bangfu.account.Accounts;
import org.bangfu.account.DonorType;
import org.bangfu.account.Role;
import java.util.List;

import org.bangfu.region.Regions;
import org.bangfu.shared.BangfuProperties;
import org.bangfu.shared.CreditCode;
import org.bangfu.shared.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo accounts of DESIGN.md §7, all with the password {@value #PASSWORD}. Seeded when
 * {@code bangfu.demo} is true, which by default it is only on the embedded database; seeding again
 * leaves existing accounts as they are.
 */
@Component
@Profile("!command")
@Order(0)
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "Bangfu@2017";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	record Demo(String phone, String name, Role role, String region, DonorType donorType) {
	}

	static final List<Demo> ACCOUNTS = List.of(
			new Demo("13800000001", "衡阳市社会扶贫网办公室", Role.CITY_ADMIN, "430400", null),
			new Demo("13800000002", "衡阳县管理中心", Role.COUNTY_ADMIN, "430421", null),
			new Demo("13800000003", "西渡镇信息管理员", Role.TOWNSHIP_MANAGER, "430421100", null),
			new Demo("13800000004", "西渡村信息员", Role.VILLAGE_OFFICER, "430421100203", null),
			new Demo("13800000012", "衡南县管理中心", Role.COUNTY_ADMIN, "430422", null),
			new Demo("13800000013", "茶市镇信息管理员", Role.TOWNSHIP_MANAGER, "430422103", null),
			new Demo("13800000014", "茶市村信息员", Role.VILLAGE_OFFICER, "430422103231", null),
			new Demo("13800000021", "李爱心", Role.DONOR, null, DonorType.INDIVIDUAL),
			new Demo("13800000022", "衡阳湘江农业发展有限公司", Role.DONOR, null, DonorType.ENTERPRISE),
			new Demo("13800000031", "市慈善总会 周会计", Role.FUND_STAFF, "430400", null),
			new Demo("13800000032", "市慈善总会 陈出纳", Role.FUND_STAFF, "430400", null),
			new Demo("13800000041", "衡阳县扶贫监督员", Role.SUPERVISOR, "430421", null),
			new Demo("13800000051", "西渡村 张大山", Role.HOUSEHOLD, "430421100203", null));

	private final Accounts accounts;

	private final Regions regions;

	private final TransactionTemplate transactions;

	private final boolean enabled;

	DemoAccounts(Accounts accounts, Regions regions, TransactionTemplate transactions, BangfuProperties properties,
			Environment environment) {
		this.accounts = accounts;
		this.regions = regions;
		this.transactions = transactions;
		this.enabled = properties.seedsDemo(environment);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		transactions.executeWithoutResult(tx -> {
			int created = 0;
			for (Demo demo : ACCOUNTS) {
				if (accounts.findByPhone(demo.phone()).isPresent()) {
					continue;
				}
				String creditCode = demo.donorType() == DonorType.ENTERPRISE ? CreditCode.withCheckCharacter("91430400MA4L8X2K3") : null;
				long id = accounts.create(new Accounts.NewAccount(demo.phone(), demo.name(), PASSWORD, demo.donorType(), creditCode, null, null));
				accounts.grant(id, demo.role(), demo.region() == null ? null : regions.get(RegionCode.parse(demo.region())), null);
				created++;
			}
			if (created > 0) {
				log.info("演示账户已创建 {} 个（密码 {}）/ seeded {} demo accounts", created, PASSWORD, created);
			}
		});
	}
}
