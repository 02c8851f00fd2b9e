package org.bangfu.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.account.Role;
import org.bangfu.notify.Notices;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.region.Station;
import org.bangfu.region.Stations;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-click reminders to a station behind its quota: an in-app notice and an SMS to each of the station's own staff,
 * through {@link Notices}. At most one per station per Beijing day (a second click is 409, nothing sent). Managers over
 * the station send them (a township manager, a county centre, the city office); anyone outside its scope gets 404.
 */
@Component
public class Reminders {

	private final Stations stations;

	private final Regions regions;

	private final Accounts accounts;

	private final Notices notices;

	private final ReportingRates rates;

	private final CollectionCampaigns campaigns;

	private final OperationLog log;

	private final JdbcClient jdbc;

	private final Clock clock;

	Reminders(Stations stations, Regions regions, Accounts accounts, Notices notices, ReportingRates rates, CollectionCampaigns campaigns,
			OperationLog log, JdbcClient jdbc, Clock clock) {
		this.campaigns = campaigns;
		this.stations = stations;
		this.regions = regions;
		this.accounts = accounts;
		this.notices = notices;
		this.rates = rates;
		this.log = log;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Whether the user reminds stations of the region: a manager's grant (township, county, city) covering it. */
	public static boolean reminds(BangfuUser user, String regionCode) {
		return user.staffGrants().stream()
			.anyMatch(g -> g.covers(regionCode) && (g.role() == Role.TOWNSHIP_MANAGER || g.role() == Role.COUNTY_ADMIN || g.role() == Role.CITY_ADMIN));
	}

	/** Reminds the station's staff of the period's quota; answers how many people were told. */
	@Transactional
	public int remind(BangfuUser by, long stationId, String period) {
		Station station = stations.byId(stationId).filter(s -> by.inScope(s.regionCode()))
			.orElseThrow(() -> new NotFoundException("station.not-found"));
		if (!reminds(by, station.regionCode())) {
			throw new NotPermittedException("reminder.who");
		}
		if (station.closed()) {
			throw new BadInputException("reminder.closed");
		}
		Region region = regions.get(RegionCode.parse(station.regionCode()));
		ReportingPeriod p = rates.period(region, period);
		List<Long> staff = accounts.staffAt(station.regionCode());
		if (staff.isEmpty()) {
			throw new BadInputException("reminder.no-staff");
		}
		LocalDate today = LocalDate.now(clock.withZone(QuotaPlan.BEIJING));
		int inserted = jdbc.sql("""
				INSERT INTO assessment_reminder (station_id, day, region_code, period, sent_by, sent_at) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (station_id, day) DO NOTHING""")
			.params(stationId, today, station.regionCode(), p.code(), by.id(), Timestamp.from(clock.instant()))
			.update();
		if (inserted == 0) {
			throw new ConflictException("reminder.already-today");
		}
		Notices.Message message = p.isMonth()
				? Notices.Message.of("notice.reporting.reminder.month", station.name(), p.from().getYear(), p.from().getMonthValue())
				: Notices.Message.of("notice.reporting.reminder.campaign", station.name(), campaignName(p), p.to());
		String link = "/assessment/reporting?region=" + station.regionCode() + "&period=" + p.code();
		for (long account : staff) {
			notices.tell(account, accounts.phoneOf(account), message, link);
		}
		log.record(by.id(), "reporting.remind", "station:" + stationId, station.regionCode(), station.name() + "，" + p.code() + "，" + staff.size() + " 人");
		return staff.size();
	}

	/** Which of the stations were reminded today (the page says so instead of showing the button). */
	public java.util.Set<Long> remindedToday(java.util.Collection<Long> stationIds) {
		if (stationIds.isEmpty()) {
			return java.util.Set.of();
		}
		return new java.util.HashSet<>(jdbc.sql("SELECT station_id FROM assessment_reminder WHERE day = :day AND station_id IN (:ids)")
			.param("day", LocalDate.now(clock.withZone(QuotaPlan.BEIJING)))
			.param("ids", stationIds)
			.query(Long.class)
			.list());
	}

	private String campaignName(ReportingPeriod p) {
		return campaigns.find(p.campaignId()).map(CollectionCampaign::name).orElse(p.code());
	}
}
