package org.bangfu.account;

import java.time.Instant;
import java.util.List;

import org.bangfu.region.Region;
import org.bangfu.region.RegionLevel;

/**
 * Users with grants for plain unit tests of the access rules (no Spring, no database), and a small region tree:
 * the city, a county, a township of it, two villages of the township, and another county.
 */
public final class TestUsers {

	public static final Region CITY = new Region("430400", "衡阳市", RegionLevel.CITY, null, "4304");

	public static final Region COUNTY = new Region("430421", "衡阳县", RegionLevel.COUNTY, CITY.code(), "430421");

	public static final Region TOWNSHIP = new Region("430421100", "西渡镇", RegionLevel.TOWNSHIP, COUNTY.code(), "430421100");

	public static final Region VILLAGE = new Region("430421100203", "西渡村委会", RegionLevel.VILLAGE, TOWNSHIP.code(), "430421100203");

	public static final Region OTHER_VILLAGE = new Region("430421100204", "梅花村委会", RegionLevel.VILLAGE, TOWNSHIP.code(),
			"430421100204");

	public static final Region OTHER_COUNTY = new Region("430422", "衡南县", RegionLevel.COUNTY, CITY.code(), "430422");

	private TestUsers() {
	}

	public static BangfuUser user(long id, Grant... grants) {
		return new BangfuUser(id, "1380000" + String.format("%04d", id), "某人" + id, null, null, null, List.of(grants), null, null, null,
				Instant.EPOCH);
	}

	/** A user with one grant; region null for roles without a scope (donor, household). */
	public static BangfuUser user(long id, Role role, Region region) {
		return user(id, grant(role, region));
	}

	public static Grant grant(Role role, Region region) {
		return new Grant(0, role, region, Instant.EPOCH);
	}
}
