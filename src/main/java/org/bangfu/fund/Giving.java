package org.bangfu.fund;

import java.time.Clock;
import java.util.Set;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.need.NeedItem;
import org.bangfu.need.NeedPledging;
import org.bangfu.need.NeedState;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.ConflictException;
import org.bangfu.shared.Masking;
import org.bangfu.shared.NotAuthenticatedException;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.NotPermittedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A donor gives through the fund: any amount up to what a money line still misses (定向捐赠), or any amount to the general
 * pool. The gift is promised until its money arrives on the fund's bank account, quoting the gift's reference code; the
 * share it holds of the line is taken under the line's lock, so two donors can never give more than the line needs.
 */
@Service
public class Giving {

	/** A billion yuan: more than any gift, small enough that sums of many never overflow. */
	static final long MAX_GIFT_FEN = 100_000_000_000L;

	public static final String ANONYMOUS = "爱心人士";

	private final Gifts gifts;

	private final MoneyLines lines;

	private final NeedPledging needs;

	private final Accounts accounts;

	private final Clock clock;

	Giving(Gifts gifts, MoneyLines lines, NeedPledging needs, Accounts accounts, Clock clock) {
		this.gifts = gifts;
		this.lines = lines;
		this.needs = needs;
		this.accounts = accounts;
		this.clock = clock;
	}

	/** What a donor asks; {@code position} null gives to the general pool. */
	public record Request(Integer position, Long amountFen, IfUnfunded ifUnfunded, boolean anonymous) {
	}

	/** The gift, and whether this request made it (false: the same idempotency key made it before). */
	public record Given(Gift gift, boolean created) {
	}

	@Transactional
	public Given give(BangfuUser donor, Long needId, Request request, String idempotencyKey) {
		if (donor == null) {
			throw new NotAuthenticatedException("error.unauthenticated");
		}
		if (donor.householdOnly()) {
			throw new NotPermittedException("fund.gift.household");
		}
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
		if (key != null) {
			var earlier = gifts.byKey(donor.id(), key);
			if (earlier.isPresent()) {
				Gift g = earlier.get();
				boolean same = java.util.Objects.equals(g.needId(), needId) && java.util.Objects.equals(g.position(), request.position())
						&& request.amountFen() != null && g.amountFen() == request.amountFen();
				if (!same) {
					throw new org.bangfu.shared.InconsistentRequestException("fund.gift.key-other-request");
				}
				return new Given(g, false);
			}
		}
		long amount = amount(request.amountFen());
		String shownAs = shownAs(donor, request.anonymous());
		var at = clock.instant();
		if (needId == null) {
			long id = gifts.insert(new Gifts.NewGift(ReferenceCodes.next(), donor.id(), shownAs, null, null, null, null, amount,
					IfUnfunded.POOL, key, at));
			return new Given(gifts.get(id), true);
		}
		if (request.position() == null) {
			throw new BadInputException("fund.gift.item-required");
		}
		NeedPledging.Open need = needs.get(needId);
		if (!NeedState.PUBLIC.contains(need.state())) {
			throw new NotFoundException("need.not-found");
		}
		int position = request.position();
		NeedItem item = MoneyLines.openLineOf(need, position);
		if (request.ifUnfunded() == null) {
			throw new BadInputException("fund.gift.if-unfunded-required");
		}
		MoneyLines.Line line = lines.locked(needId, position, need.regionCode(), need.category().name(), item.valueFen());
		if (amount > line.openFen()) {
			throw new ConflictException("fund.gift.more-than-open", org.bangfu.shared.Money.yuan(line.openFen()));
		}
		lines.change(needId, position, amount, 0);
		long id = gifts.insert(new Gifts.NewGift(ReferenceCodes.next(), donor.id(), shownAs, needId, position, need.regionCode(),
				need.category().name(), amount, request.ifUnfunded(), key, at));
		return new Given(gifts.get(id), true);
	}

	/** The donor takes back a gift whose money has not arrived; its share of the line is free again. */
	@Transactional
	public Gift cancel(BangfuUser donor, long giftId) {
		Gift gift = gifts.find(giftId).filter(g -> donor != null && g.donorId() == donor.id())
			.orElseThrow(() -> new NotFoundException("fund.gift.not-found"));
		if (gift.needId() != null) {
			lines.lockedExisting(gift.needId(), gift.position());
		}
		Gift locked = gifts.lockedByReference(gift.referenceCode()).orElseThrow();
		GiftState was = locked.state();
		locked.end(GiftState.CANCELLED, "donor", clock.instant());
		gifts.save(locked, was);
		if (locked.needId() != null) {
			lines.change(locked.needId(), locked.position(), -locked.amountFen(), 0);
		}
		return locked;
	}

	private static long amount(Long fen) {
		if (fen == null || fen <= 0) {
			throw new BadInputException("fund.gift.amount-positive");
		}
		if (fen > MAX_GIFT_FEN) {
			throw new BadInputException("fund.gift.amount-too-large");
		}
		return fen;
	}

	/** How the donor appears in public: an organisation by its name, a person masked, or 爱心人士 when they ask. */
	private String shownAs(BangfuUser donor, boolean anonymous) {
		if (anonymous) {
			return ANONYMOUS;
		}
		Accounts.Named named = accounts.namedOf(Set.of(donor.id())).get(donor.id());
		if (named == null || named.name() == null || named.name().isBlank()) {
			return ANONYMOUS;
		}
		return named.person() ? Masking.name(named.name()) : named.name();
	}
}
