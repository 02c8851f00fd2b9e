package org.bangfu.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bangfu.shared.Masking;
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

	private final List<Grant> grants;

	BangfuUser(long id, String phone, String name, String passwordHash, DonorType donorType, List<Grant> grants) {
		this.id = id;
		this.phone = phone;
		this.name = name;
		this.passwordHash = passwordHash;
		this.donorType = donorType;
		this.grants = List.copyOf(grants);
	}

	public long id() {
		return id;
	}

	public String name() {
		return name;
	}

	public String maskedPhone() {
		return Masking.phone(phone);
	}

	public Optional<DonorType> donorType() {
		return Optional.ofNullable(donorType);
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
		return phone;
	}
}
