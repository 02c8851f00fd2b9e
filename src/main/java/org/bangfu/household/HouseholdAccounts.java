package org.bangfu.household;

import org.bangfu.shared.ConflictException;
import java.time.Clock;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.OperationLog;
import org.bangfu.account.PhoneVerification;
import org.bangfu.account.Role;
import org.bangfu.notify.Sms;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.BadInputException;
import org.bangfu.shared.IdentityNumber;
import org.bangfu.shared.NotFoundException;
import org.bangfu.shared.PhoneNumbers;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform accounts for registry households. A household registers itself with its head's ID
 * number and name as the registry has them; or, as most have no smartphone, its village officer
 * registers it (代注册), which is recorded with the officer's name; such an account has no phone
 * until the household claims it by registering itself with its own phone.
 */
@Component
public class HouseholdAccounts {

	public record SelfRegistration(String phone, String code, String password, String name, String idNumber) {
	}

	private final Households households;

	private final Accounts accounts;

	private final PhoneVerification verification;

	private final Regions regions;

	private final OperationLog log;

	private final Sms sms;

	private final Clock clock;

	HouseholdAccounts(Households households, Accounts accounts, PhoneVerification verification, Regions regions, OperationLog log, Sms sms,
			Clock clock) {
		this.clock = clock;
		this.households = households;
		this.accounts = accounts;
		this.verification = verification;
		this.regions = regions;
		this.log = log;
		this.sms = sms;
	}

	/** Self-registration, or the claim of an account an officer registered on the household's behalf. */
	@Transactional
	public long registerSelf(SelfRegistration form) {
		String phone = PhoneNumbers.normalise(form.phone());
		if (form.name() == null || form.name().isBlank()) {
			throw new BadInputException("household.register.name");
		}
		String id = IdentityNumber.parse(form.idNumber(), clock).value();
		verification.checkPassword(form.password(), phone);
		Household household = households.byHead(id, form.name())
			.orElseThrow(() -> new BadInputException("household.not-in-registry"));
		if (household.registered()) {
			BangfuUser existing = accounts.findById(household.accountId()).orElseThrow();
			if (!existing.maskedPhone().isEmpty()) {
				throw new ConflictException("household.already-registered");
			}
			verification.consumeRegistrationCode(phone, form.code());
			accounts.claim(household.accountId(), phone, form.password());
			log.record(household.accountId(), "household.claim", "household:" + household.id(), household.regionCode(), household.householdNumber());
			return household.accountId();
		}
		if (accounts.phoneTaken(phone)) {
			throw new ConflictException("account.phone.taken");
		}
		verification.consumeRegistrationCode(phone, form.code());
		long accountId = accounts.create(new Accounts.NewAccount(phone, household.headName(), form.password(), null, null, null, null));
		linkAndGrant(household, accountId, null);
		log.record(accountId, "household.register", "household:" + household.id(), household.regionCode(), household.householdNumber());
		return accountId;
	}

	/** An officer registers a household of its village on its behalf, optionally with a phone the household can receive SMS on. */
	@Transactional
	public long registerByOfficer(BangfuUser officer, long householdId, String phone) {
		if (!officer.isStaff()) {
			throw new NotFoundException("household.not-found");
		}
		Household household = officer.staffGrants().stream()
			.map(g -> households.find(householdId, g.region()))
			.flatMap(java.util.Optional::stream)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("household.not-found"));
		if (household.registered()) {
			throw new ConflictException("household.already-registered");
		}
		String normalised = phone == null || phone.isBlank() ? null : PhoneNumbers.normalise(phone);
		if (normalised != null && accounts.phoneTaken(normalised)) {
			throw new ConflictException("account.phone.taken");
		}
		long accountId = accounts.create(new Accounts.NewAccount(normalised, household.headName(), null, null, null, null, officer.id()));
		linkAndGrant(household, accountId, officer.id());
		log.record(officer.id(), "household.proxy-register", "household:" + household.id(), household.regionCode(),
				household.householdNumber() + " " + household.headName());
		if (normalised != null) {
			sms.send(normalised, "村信息员已为您的家庭（户主 " + household.headName() + "）注册了衡阳市社会扶贫网账户。"
					+ "您可以用本手机号和短信验证码登录。");
		}
		return accountId;
	}

	private void linkAndGrant(Household household, long accountId, Long grantedBy) {
		if (!households.link(household.id(), accountId)) {
			throw new ConflictException("household.already-registered");
		}
		Region village = regions.get(new RegionCode(household.regionCode()));
		accounts.grant(accountId, Role.HOUSEHOLD, village, grantedBy);
	}
}
