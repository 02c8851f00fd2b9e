package org.bangfu.household;

import java.util.Arrays;
import java.util.Optional;

/** 致贫原因, the standard list of the national registry (DESIGN.md §2), with the registry's Chinese names. */
public enum PovertyCause {

	ILLNESS("因病"), DISABILITY("因残"), SCHOOLING("因学"), DISASTER("因灾"), LACK_OF_LAND("缺土地"), LACK_OF_WATER("缺水"),
	LACK_OF_SKILLS("缺技术"), LACK_OF_LABOUR("缺劳力"), LACK_OF_FUNDS("缺资金"), POOR_TRANSPORT("交通条件落后"),
	LACK_OF_DRIVE("自身发展动力不足"), OTHER("其他");

	private final String registryName;

	PovertyCause(String registryName) {
		this.registryName = registryName;
	}

	public String registryName() {
		return registryName;
	}

	public static Optional<PovertyCause> ofRegistryName(String name) {
		return Arrays.stream(values()).filter(c -> c.registryName.equals(name)).findFirst();
	}
}
