package org.bangfu.need;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;

import org.bangfu.account.Accounts;
import org.bangfu.account.Grant;
import org.bangfu.account.Role;
import org.springframework.stereotype.Component;

/**
 * What a need's public page says to earn trust (公信力, issue 16): who verified it and when, by role and station, never by
 * name ("西渡镇服务站审核 · 2026-11-03"); whether the household confirmed it and how; whether supervision checked it and
 * what it found. A need found false and withdrawn keeps a short public page saying so.
 */
@Component
public class NeedTrust {

	private final Needs needs;

	private final Accounts accounts;

	private final HouseholdConfirmations confirmations;

	private final NeedAuditing auditing;

	NeedTrust(Needs needs, Accounts accounts, HouseholdConfirmations confirmations, NeedAuditing auditing) {
		this.needs = needs;
		this.accounts = accounts;
		this.confirmations = confirmations;
		this.auditing = auditing;
	}

	/**
	 * @param verifierRole the verifier's role over the need (a grant covering it; the narrowest), null when unknown
	 * @param station the name of that grant's region (西渡镇)
	 * @param confirmedBy how the household confirmed (ACCOUNT, SMS, FORM), null when not (or not recorded)
	 * @param auditOutcome the latest supervision finding (TRUE, FALSE, PROBLEM), null when never sampled
	 */
	public record Trust(Role verifierRole, String station, LocalDate verifiedOn, String confirmedBy, LocalDate confirmedOn,
			String auditOutcome, LocalDate auditedOn) {
	}

	public Trust of(long needId) {
		Need need = needs.get(needId);
		Role role = null;
		String station = null;
		if (need.verifiedBy() != null) {
			Optional<Grant> grant = accounts.findById(need.verifiedBy()).flatMap(u -> u.grants().stream()
				.filter(g -> g.region() != null && g.covers(need.regionCode()) && VerificationPolicy.isManager(g))
				.max(Comparator.comparingInt((Grant g) -> g.region().code().length())));
			role = grant.map(Grant::role).orElse(null);
			station = grant.map(g -> g.region().name()).orElse(null);
		}
		Optional<HouseholdConfirmations.Confirmation> confirmed = need.onBehalf() ? confirmations.of(needId) : Optional.empty();
		Optional<NeedAuditing.Audit> audit = auditing.latest(needId);
		return new Trust(role, station, need.verifiedAt() == null ? null : need.verifiedAt().atZone(Need.ZONE).toLocalDate(),
				confirmed.map(c -> c.route().name()).orElse(null), confirmed.map(c -> c.at().atZone(Need.ZONE).toLocalDate()).orElse(null),
				audit.map(NeedAuditing.Audit::outcome).orElse(null), audit.map(a -> a.at().atZone(Need.ZONE).toLocalDate()).orElse(null));
	}

	/** Whether the need was withdrawn because supervision found it false: its public page then says so instead of 404. */
	public boolean withdrawnAsFalse(long needId) {
		return needs.find(needId).filter(n -> n.state() == NeedState.WITHDRAWN).isPresent()
				&& auditing.latest(needId).filter(a -> "FALSE".equals(a.outcome())).isPresent();
	}
}
