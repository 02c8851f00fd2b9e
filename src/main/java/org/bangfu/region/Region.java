package org.bangfu.region;

import org.bangfu.shared.RegionCode;

/**
 * A unit of the division tree (行政区划).
 *
 * @param prefix the code's significant part: everything under this region has a code starting with it
 */
public record Region(String code, String name, RegionLevel level, String parentCode, String prefix) implements java.io.Serializable {

	public RegionCode regionCode() {
		return new RegionCode(code);
	}

	public boolean contains(String otherCode) {
		return Scope.of(this).contains(otherCode);
	}
}
