package org.bangfu.region;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 服务站点: the organisational unit that runs the network at one region.
 *
 * @param address where it is (the village's 村部 for a village point), for donors delivering there; null until staff set it
 * @param closedOn the Beijing day it closed (out of the expected reports of periods starting after it); null while open
 */
public record Station(long id, String regionCode, Kind kind, String name, Instant createdAt, String address, LocalDate closedOn) {

	public boolean closed() {
		return closedOn != null;
	}

	/** The longest address a station may have. */
	public static final int MAX_ADDRESS = 200;

	/** 市办, 县管理中心, 乡镇服务站, 村信息点 (and a province office for a provincial install). */
	public enum Kind {

		PROVINCE_OFFICE, CITY_OFFICE, COUNTY_CENTER, TOWNSHIP_STATION, VILLAGE_POINT;

		static Kind at(RegionLevel level) {
			return switch (level) {
				case PROVINCE -> PROVINCE_OFFICE;
				case CITY -> CITY_OFFICE;
				case COUNTY -> COUNTY_CENTER;
				case TOWNSHIP -> TOWNSHIP_STATION;
				case VILLAGE -> VILLAGE_POINT;
			};
		}

		/** The Chinese suffix of the station's name, as the city plan names its units. */
		String suffix() {
			return switch (this) {
				case PROVINCE_OFFICE, CITY_OFFICE -> "社会扶贫网办公室";
				case COUNTY_CENTER -> "社会扶贫网管理中心";
				case TOWNSHIP_STATION -> "社会扶贫网服务站";
				case VILLAGE_POINT -> "社会扶贫网信息点";
			};
		}
	}
}
