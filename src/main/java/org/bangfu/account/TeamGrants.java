package org.bangfu.account;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.bangfu.shared.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Team roles granted by approving an application (issue 17, team module): the county admin of the county containing the
 * area, or a city admin, grants the volunteer, expert or ambassador role bound to the area. The grant form of
 * {@link StaffGrants} stays the city's; this is the one other way in, and only for the three teams one applies to.
 */
@Component
public class TeamGrants {

	private static final Set<Role> APPLIED_FOR = Set.of(Role.VOLUNTEER, Role.EXPERT, Role.AMBASSADOR);

	private final Accounts accounts;

	private final Regions regions;

	private final OperationLog log;

	private final MessageSource messages;

	TeamGrants(Accounts accounts, Regions regions, OperationLog log, MessageSource messages) {
		this.accounts = accounts;
		this.regions = regions;
		this.log = log;
		this.messages = messages;
	}

	/** Whether the user decides team applications for the region: a county admin over it, or a city admin. */
	public static boolean approves(BangfuUser user, String regionCode) {
		return user.staffGrants().stream()
			.anyMatch(g -> (g.role() == Role.COUNTY_ADMIN || g.role() == Role.CITY_ADMIN) && g.covers(regionCode));
	}

	/** Whether the user approves team applications anywhere (and so sees the queue). */
	public static boolean approvesAnywhere(BangfuUser user) {
		return user.has(Role.COUNTY_ADMIN) || user.has(Role.CITY_ADMIN);
	}

	/** The regions of the user's active grants of a team role (a volunteer's or expert's areas). */
	public static List<Region> areasOf(BangfuUser user, Role role) {
		return user.grants().stream().filter(g -> g.role() == role && g.region() != null).map(Grant::region).toList();
	}

	/**
	 * Grants the approved team role bound to the region, logged. The approver's scope must cover the region (404 otherwise:
	 * nothing is confirmed outside it); an applicant approving itself is refused.
	 */
	@Transactional
	public long grantApproved(BangfuUser approver, long accountId, Role role, String regionCode, long applicationId) {
		if (!APPLIED_FOR.contains(role)) {
			throw new NotPermittedException("grant.forbidden");
		}
		if (!approver.inScope(regionCode)) {
			throw new NotFoundException("team.application.not-found");
		}
		if (!approves(approver, regionCode)) {
			throw new NotPermittedException("team.application.not-approver");
		}
		if (approver.id() == accountId) {
			throw new NotPermittedException("team.application.own");
		}
		Region region = regions.get(RegionCode.parse(regionCode));
		long grantId = accounts.grant(accountId, role, region, approver.id());
		log.record(approver.id(), "team.approve", "account:" + accountId, region.code(),
				label("role." + role) + " · " + region.name() + " · " + messages.getMessage("oplog.detail.team.application",
						new Object[] { String.valueOf(applicationId) }, Locale.SIMPLIFIED_CHINESE));
		return grantId;
	}

	private String label(String key) {
		return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}
}
