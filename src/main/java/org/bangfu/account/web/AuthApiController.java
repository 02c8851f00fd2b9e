package org.bangfu.account.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.bangfu.account.Accounts;
import org.bangfu.account.ApiTokens;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.DonorRegistration;
import org.bangfu.account.DonorType;
import org.bangfu.account.Grant;
import org.bangfu.account.Login;
import org.bangfu.account.MyAccount;
import org.bangfu.account.Role;
import org.bangfu.account.SmsCodes;
import org.bangfu.shared.BadInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "auth", description = "注册、登录与当前账户")
class AuthApiController {

	private final Login login;

	private final ApiTokens tokens;

	private final SmsCodes codes;

	private final DonorRegistration registration;

	private final Accounts accounts;

	private final MyAccount myAccount;

	AuthApiController(Login login, ApiTokens tokens, SmsCodes codes, DonorRegistration registration, Accounts accounts,
			MyAccount myAccount) {
		this.login = login;
		this.tokens = tokens;
		this.codes = codes;
		this.registration = registration;
		this.accounts = accounts;
		this.myAccount = myAccount;
	}

	record SmsCodeRequest(String phone, String purpose) {
	}

	@PostMapping("/api/v1/auth/sms-codes")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "发送短信验证码", description = "purpose 为 REGISTER 或 LOGIN。每个手机号每分钟 1 条、每天 10 条，超限 429。")
	SmsCodeSent smsCode(@RequestBody SmsCodeRequest request, HttpServletRequest http) {
		if (request == null) {
			throw new BadInputException("error.malformed-request");
		}
		SmsCodes.Purpose purpose = purpose(request.purpose());
		codes.request(request.phone(), purpose, http.getRemoteAddr());
		return new SmsCodeSent(SmsCodes.VALID_FOR.toSeconds());
	}

	record SmsCodeSent(long expiresIn) {
	}

	@PostMapping("/api/v1/auth/register")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "爱心人士注册", description = "手机号 + 短信验证码 + 密码；donorType 为 INDIVIDUAL、ENTERPRISE、INSTITUTION 或 SOCIAL_ORG；"
			+ "企业须填统一社会信用代码 creditCode；身份证号 idNumber 可选。")
	MeView register(@RequestBody DonorRegistration.Form form) {
		if (form == null) {
			throw new BadInputException("error.malformed-request");
		}
		long id = registration.register(form);
		return MeView.of(accounts.findById(id).orElseThrow());
	}

	record LoginRequest(String phone, String password, String code) {
	}

	@PostMapping("/api/v1/auth/login")
	@Operation(summary = "登录：手机号 + 密码，或手机号 + 短信验证码（code）", description = "返回 Bearer 令牌，有效 30 天，退出登录即失效。连续 5 次密码错误锁定 15 分钟。")
	TokenView login(@RequestBody LoginRequest request) {
		if (request == null) {
			throw new BadInputException("auth.login.missing");
		}
		BangfuUser user = request.code() != null && request.password() == null
				? login.withCode(request.phone(), request.code())
				: login.withPassword(request.phone(), request.password());
		return new TokenView(tokens.issue(user.id()), "Bearer", ApiTokens.LIFETIME.toSeconds());
	}

	@PostMapping("/api/v1/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "退出登录：吊销当前令牌", security = @SecurityRequirement(name = "bearer"))
	void logout(HttpServletRequest request) {
		myAccount.logOut(request);
	}

	@PostMapping("/api/v1/auth/logout-all")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "在所有设备上退出：吊销全部令牌和网页会话", security = @SecurityRequirement(name = "bearer"))
	void logoutEverywhere(@AuthenticationPrincipal BangfuUser user) {
		myAccount.logOutEverywhere(user);
	}

	record PasswordChange(String oldPassword, String newPassword) {
	}

	@PutMapping("/api/v1/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "设置或修改密码", description = "已有密码时须提供旧密码。", security = @SecurityRequirement(name = "bearer"))
	void changePassword(@AuthenticationPrincipal BangfuUser user, @RequestBody PasswordChange change, HttpServletRequest request) {
		myAccount.changePassword(user, change == null ? null : change.oldPassword(), change == null ? null : change.newPassword(), request);
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "当前账户、角色与管辖范围", security = @SecurityRequirement(name = "bearer"))
	MeView me(@AuthenticationPrincipal BangfuUser user) {
		return MeView.of(user);
	}

	private static SmsCodes.Purpose purpose(String value) {
		try {
			return SmsCodes.Purpose.valueOf(value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new BadInputException("sms.purpose");
		}
	}

	record TokenView(String token, String tokenType, long expiresIn) {
	}

	record MeView(long id, String name, String phone, DonorType donorType, String creditCode, List<Role> roles,
			List<ScopeView> scopes, boolean hasPassword) {
		static MeView of(BangfuUser u) {
			return new MeView(u.id(), u.name(), u.maskedPhone(), u.donorType().orElse(null), u.creditCode().orElse(null),
					u.grants().stream().map(Grant::role).distinct().toList(), u.grants().stream().map(ScopeView::of).toList(),
					u.hasPassword());
		}
	}

	record ScopeView(Role role, String regionCode, String regionName) {
		static ScopeView of(Grant g) {
			return new ScopeView(g.role(), g.region() == null ? null : g.region().code(), g.region() == null ? null : g.region().name());
		}
	}
}
