package org.bangfu.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bangfu.region.Region;
import org.bangfu.region.Scope;
import org.bangfu.shared.Masking;
import org.bangfu.shared.NotFoundException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in account, with its active grants: what other modules ask about the caller. */
public final class BangfuUser implements UserDetails {

	private final long id;

	private final String phone;

	private final String name;

	private final String passwordHash;

	private final DonorType donorType;

	private final String creditCode;

	private final List<Grant> grants;

	private final Instant lockedUntil;

	private final Instant sessionsValidAfter;

	private final Long registeredBy;

	private final Instant loadedAt;

	BangfuUser(long id, String phone, String name, String passwordHash, DonorType donorType, String creditCode,
			List<Grant> grants, Instant lockedUntil, Instant sessionsValidAfter, Long registeredBy, Instant loadedAt) {
		this.id = id;
		this.phone = phone;
		this.name = name;
		this.passwordHash = passwordHash;
		this.donorType = donorType;
		this.creditCode = creditCode;
		this.grants = List.copyOf(grants);
		this.lockedUntil = lockedUntil;
		this.sessionsValidAfter = sessionsValidAfter;
		this.registeredBy = registeredBy;
		this.loadedAt = loadedAt;
	}

	public long id() {
		return id;
	}

	public String name() {
		return name;
	}

	/** The phone as others may see it; empty for an account registered on a household's behalf and not yet claimed. */
	public String maskedPhone() {
		return Masking.phone(phone);
	}

	String phone() {
		return phone;
	}

	public Optional<DonorType> donorType() {
		return Optional.ofNullable(donorType);
	}

	public Optional<String> creditCode() {
		return Optional.ofNullable(creditCode);
	}

	public boolean hasPassword() {
		return passwordHash != null;
	}

	public Optional<Long> registeredBy() {
		return Optional.ofNullable(registeredBy);
	}

	Instant sessionsValidAfter() {
		return sessionsValidAfter;
	}

	Instant lockedUntil() {
		return lockedUntil;
	}

	public List<Grant> grants() {
		return grants;
	}

	public boolean has(Role role) {
		return grants.stream().anyMatch(g -> g.role() == role);
	}

	/** The staff grants, whose regions bound what this user may see and change. */
	public List<Grant> staffGrants() {
		return grants.stream().filter(g -> g.role().isStaff() && g.region() != null).toList();
	}

	public boolean isStaff() {
		return !staffGrants().isEmpty();
	}

	/**
	 * A household's own account and nothing more (no staff or donor grant): it is helped, so the donor
	 * tools (pledging, intent, recommendations, invitations, offering) are not for it.
	 */
	public boolean householdOnly() {
		return has(Role.HOUSEHOLD) && !isStaff() && !has(Role.DONOR);
	}

	/** Whether a staff grant of this user covers the region code. */
	public boolean inScope(String regionCode) {
		return staffGrants().stream().anyMatch(g -> g.covers(regionCode));
	}

	/**
	 * The region a staff query should be bounded by: the requested one when it lies in the caller's
	 * scope, else 404 (DESIGN.md §5: don't confirm it exists). Without a request, the caller's own
	 * scope when it is one region: the grant whose region contains those of all the others (a single
	 * grant, or a township manager who is also an officer of one of its villages). Grants over regions
	 * none of which contains the others leave the choice to the user ({@link ScopeChoiceNeeded}):
	 * taking one of them would silently hide the others' data.
	 */
	public Region scopeFor(Region requested) {
		if (requested == null) {
			List<Grant> staff = staffGrants();
			if (staff.isEmpty()) {
				throw new NotFoundException("error.not-found");
			}
			return ScopeChoiceNeeded.widest(staff.stream().map(Grant::region).toList());
		}
		if (!inScope(requested.code())) {
			throw new NotFoundException("region.not-found", requested.code());
		}
		return requested;
	}

	/** The regions this staff member works in: those of their grants that no other grant's region contains. */
	public List<Region> workRegions() {
		return widestRegions(staffGrants().stream().map(Grant::region).toList());
	}

	/** The regions that no other of them contains, once each, in their order. */
	static List<Region> widestRegions(List<Region> regions) {
		List<Region> widest = new ArrayList<>();
		for (Region r : regions) {
			boolean within = regions.stream().anyMatch(other -> Scope.of(other).contains(r.code()) && !other.code().equals(r.code()));
			if (!within && widest.stream().noneMatch(w -> w.code().equals(r.code()))) {
				widest.add(r);
			}
		}
		return widest;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return grants.stream().map(g -> new SimpleGrantedAuthority(g.role().authority())).distinct().toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return phone == null ? "account:" + id : phone;
	}

	@Override
	public boolean isAccountNonLocked() {
		return lockedUntil == null || !lockedUntil.isAfter(loadedAt);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof BangfuUser other && other.id == id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(id);
	}
}
