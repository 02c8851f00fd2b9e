package org.bangfu.account;

import org.bangfu.shared.ConflictException;
import java.time.Clock;

import org.bangfu.shared.BadInputException;
import org.bangfu.shared.CreditCode;
import org.bangfu.shared.IdentityNumber;
import org.bangfu.shared.PhoneNumbers;
import org.bangfu.shared.events.CaringPersonRegistered;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-registration of caring people (爱心人士): individuals, enterprises (with their unified social
 * credit code), agencies and social organisations. Everything is checked before the SMS code is
 * used up, and all of it happens in one transaction: a refused registration changes nothing.
 */
@Component
public class DonorRegistration {

	/**
	 * @param joinCode where the person came from, as the link they followed carried it (a registration unit's or an
	 *        ambassador's code; null or blank for none): the module that issued it checks it and counts the registration
	 */
	public record Form(String phone, String code, String password, String donorType, String name, String idNumber, String creditCode,
			String joinCode) {

		public Form(String phone, String code, String password, String donorType, String name, String idNumber, String creditCode) {
			this(phone, code, password, donorType, name, idNumber, creditCode, null);
		}
	}

	/**
	 * The join code of the registration was refused (an unknown code, a closed unit, an ended link): thrown by the
	 * module that issued the code. The form then drops the code, so the person can register without it.
	 */
	public static class JoinCodeRefused extends BadInputException {

		public JoinCodeRefused(String messageKey, Object... args) {
			super(messageKey, args);
		}
	}

	/** The session attribute where a link followed before registering (an ambassador's) leaves its join code. */
	public static final String JOIN_CODE_ATTRIBUTE = "bangfu.joinCode";

	private final Accounts accounts;

	private final SmsCodes codes;

	private final OperationLog log;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	DonorRegistration(Accounts accounts, SmsCodes codes, OperationLog log, Clock clock, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.codes = codes;
		this.log = log;
		this.clock = clock;
		this.events = events;
	}

	@Transactional
	public long register(Form form) {
		String phone = PhoneNumbers.normalise(form.phone());
		DonorType type = donorType(form.donorType());
		String name = form.name() == null ? "" : form.name().strip();
		if (name.isEmpty() || name.length() > 50 || name.chars().anyMatch(Character::isISOControl)) {
			throw new BadInputException("register.name-invalid");
		}
		PasswordPolicy.check(form.password(), phone);
		String id = blank(form.idNumber()) ? null : IdentityNumber.parse(form.idNumber(), clock).value();
		String credit = null;
		if (type == DonorType.ENTERPRISE && blank(form.creditCode())) {
			throw new BadInputException("register.credit-code-required");
		}
		if (type != DonorType.INDIVIDUAL && !blank(form.creditCode())) {
			credit = CreditCode.parse(form.creditCode()).value();
		}
		if (accounts.phoneTaken(phone)) {
			throw new ConflictException("account.phone.taken");
		}
		codes.consume(phone, SmsCodes.Purpose.REGISTER, form.code());
		long accountId = accounts.create(new Accounts.NewAccount(phone, name, form.password(), type, credit, id, null));
		accounts.grant(accountId, Role.DONOR, null, null);
		log.record(accountId, "register.donor", "account:" + accountId, null, type + " " + name);
		// In this transaction: a listener that refuses the join code (an unknown or closed unit) undoes the registration.
		events.publishEvent(new CaringPersonRegistered(accountId, blank(form.joinCode()) ? null : form.joinCode().strip(), clock.instant()));
		return accountId;
	}

	private static DonorType donorType(String value) {
		try {
			return DonorType.valueOf(value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("register.donor-type");
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
