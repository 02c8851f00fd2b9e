/**
 * Accounts, roles and grants, registration, SMS login codes, sessions and API tokens, the operation log. Owns account, role_grant, api_token, sms_code, operation_log, login_throttle.
 */
@ApplicationModule(displayName = "account", allowedDependencies = { "shared", "region", "notify" })
package org.bangfu.account;

import org.springframework.modulith.ApplicationModule;
