package org.bangfu.account;

import org.bangfu.shared.BadInputException;

/** Changing one's own password: the old one is required when there is one (an invited account has none yet). */
final class MyAccount {

	private MyAccount() {
	}

	static void changePassword(BangfuUser user, String oldPassword, String newPassword, Login login, Accounts accounts, OperationLog log) {
		if (user.hasPassword()) {
			if (oldPassword == null || oldPassword.isEmpty()) {
				throw new BadInputException("password.old-required");
			}
			try {
				login.withPassword(user.phone(), oldPassword);
			}
			catch (BadInputException e) {
				throw e.status() == 429 ? e : new BadInputException("password.old-wrong");
			}
		}
		PasswordPolicy.check(newPassword, user.phone());
		accounts.changePassword(user.id(), newPassword);
		log.record(user.id(), "account.password", "account:" + user.id(), null, null);
	}
}
