package org.bangfu.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

import org.bangfu.need.NeedCategory;
import org.bangfu.region.RegionLevel;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;

/**
 * A collection campaign (采集活动): stations of its area collect needs from its start to its deadline (Beijing days, both
 * inclusive) against quotas per station level, then the monthly rules hold. A holding campaign keeps verified needs
 * back until its launch publishes them together (集中发布): COLLECTING → LAUNCHED, once.
 */
public final class CollectionCampaign {

	public enum State {
		COLLECTING, LAUNCHED
	}

	private final long id;

	private final String name;

	private final String regionCode;

	private final QuotaRules rules;

	private final boolean holds;

	private final long createdBy;

	private final Instant createdAt;

	private final int version;

	private State state;

	private Instant launchAt;

	private Instant launchedAt;

	private Integer published;

	CollectionCampaign(long id, String name, String regionCode, QuotaRules rules, boolean holds, long createdBy, Instant createdAt, int version,
			State state, Instant launchAt, Instant launchedAt, Integer published) {
		this.id = id;
		this.name = name;
		this.regionCode = regionCode;
		this.rules = rules;
		this.holds = holds;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.version = version;
		this.state = state;
		this.launchAt = launchAt;
		this.launchedAt = launchedAt;
		this.published = published;
	}

	/**
	 * Sets the launch moment; null is "now". A moment in the past is refused for a campaign that held nothing (it does
	 * not hold, or its hold keeps no need back: there is nothing to publish, it would only rewrite history); for one that
	 * holds needs it means "now".
	 */
	void scheduleLaunch(Instant at, Instant now, LongSupplier heldCount) {
		requireCollecting();
		if (at != null && at.isBefore(now) && (!holds || heldCount.getAsLong() == 0)) {
			throw new BadInputException("collection-campaign.launch.past");
		}
		this.launchAt = at == null || at.isBefore(now) ? now : at;
	}

	/** Whether its launch moment has come. */
	boolean due(Instant now) {
		return state == State.COLLECTING && launchAt != null && !launchAt.isAfter(now);
	}

	/** The launch took place: {@code count} held needs were published at {@code at}. */
	void launched(Instant at, int count) {
		requireCollecting();
		this.state = State.LAUNCHED;
		this.launchedAt = at;
		this.published = count;
	}

	private void requireCollecting() {
		if (state == State.LAUNCHED) {
			throw new ConflictException("collection-campaign.launched-already");
		}
	}

	/** The campaign's quota for a station at a region of the level (villages poor or not), over its whole period. */
	public int campaignQuota(RegionLevel level, boolean poorVillage) {
		return switch (level) {
			case VILLAGE -> poorVillage ? rules.poorVillage() : rules.otherVillage();
			case TOWNSHIP -> rules.township();
			default -> 0;
		};
	}

	/** The monthly quota after the campaign for a station at a region of the level: the minimum per village point, the township's quota. */
	public int monthlyQuota(RegionLevel level) {
		return switch (level) {
			case VILLAGE -> rules.monthlyMin();
			case TOWNSHIP -> rules.townshipMonthly();
			default -> 0;
		};
	}

	/** The categories that count for a station of the level: the campaign's for village points, all for townships. */
	public Set<NeedCategory> countedCategories(RegionLevel level) {
		return level == RegionLevel.VILLAGE ? Set.copyOf(rules.categories()) : Set.of(NeedCategory.values());
	}

	public long id() {
		return id;
	}

	public String name() {
		return name;
	}

	public String regionCode() {
		return regionCode;
	}

	public QuotaRules rules() {
		return rules;
	}

	public LocalDate startsOn() {
		return rules.startsOn();
	}

	public LocalDate deadline() {
		return rules.deadline();
	}

	public List<NeedCategory> categories() {
		return rules.categories();
	}

	public boolean holds() {
		return holds;
	}

	public long createdBy() {
		return createdBy;
	}

	public Instant createdAt() {
		return createdAt;
	}

	int version() {
		return version;
	}

	public State state() {
		return state;
	}

	public Instant launchAt() {
		return launchAt;
	}

	public Instant launchedAt() {
		return launchedAt;
	}

	public Integer published() {
		return published;
	}
}
