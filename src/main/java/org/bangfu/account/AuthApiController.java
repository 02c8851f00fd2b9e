package org.bangfu.account;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.bangfu.shared.BadInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "auth", description = "登录与当前账户")
class AuthApiController {

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final PasswordEncoder passwords;

	AuthApiController(Accounts accounts, ApiTokens tokens, PasswordEncoder passwords) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwords = passwords;
	}

	@PostMapping("/api/v1/auth/login")
	@Operation(summary = "手机号 + 密码登录", description = "返回 Bearer 令牌，有效 30 天，退出登录即失效。")
	TokenView login(@RequestBody LoginRequest request) {
		if (request == null || request.phone() == null || request.password() == null) {
			throw new BadInputException("auth.login.missing");
		}
		BangfuUser user = accounts.findByPhone(request.phone())
			.filter(u -> passwords.matches(request.password(), u.getPassword()))
			.orElseThrow(() -> new BadInputException(401, "auth.login.failed"));
		return new TokenView(tokens.issue(user.id()), "Bearer", ApiTokens.LIFETIME.toSeconds());
	}

	@PostMapping("/api/v1/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "退出登录：吊销当前令牌", security = @SecurityRequirement(name = "bearer"))
	void logout(HttpServletRequest request) {
		Object token = request.getAttribute(BearerTokenFilter.TOKEN_ATTRIBUTE);
		if (token instanceof String t) {
			tokens.revoke(t);
		}
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "当前账户、角色与管辖范围", security = @SecurityRequirement(name = "bearer"))
	MeView me(@AuthenticationPrincipal BangfuUser user) {
		return MeView.of(user);
	}

	record LoginRequest(String phone, String password) {
	}

	record TokenView(String token, String tokenType, long expiresIn) {
	}

	record MeView(long id, String name, String phone, DonorType donorType, List<Role> roles, List<ScopeView> scopes) {
		static MeView of(BangfuUser u) {
			return new MeView(u.id(), u.name(), u.maskedPhone(), u.donorType().orElse(null),
					u.grants().stream().map(Grant::role).distinct().toList(),
					u.grants().stream().map(ScopeView::of).toList());
		}
	}

	record ScopeView(Role role, String regionCode, String regionName) {
		static ScopeView of(Grant g) {
			return new ScopeView(g.role(), g.region() == null ? null : g.region().code(), g.region() == null ? null : g.region().name());
		}
	}
}
