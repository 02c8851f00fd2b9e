package org.bangfu.account.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.account.OperationLog;
import org.bangfu.shared.Money;
import org.springframework.context.MessageSource;

/**
 * The operation log in words (who may read it is {@link OperationLog#readableBy}): the stored entries keep stable codes ({@code pledge.create}, {@code need:12},
 * {@code pledge:8 quantity 50}); the page says what happened ("认领 · 50 件") and links to what it
 * happened to.
 */
final class OperationLogView {

	/** A line of the page: what was done, to what (with a link when it has a page), and the details in words. */
	record Line(Instant at, String who, String action, String target, String href, String detail, String ip) {
	}

	/** Targets that have a page: kind of the stored {@code kind:id} → path. */
	private static final Map<String, String> PAGES = Map.of("need", "/needs/", "pledge", "/pledges/", "household", "/households/",
			"campaign", "/campaigns/", "offer", "/offers/", "import", "/households/imports/");

	/** Details written in a fixed shape by the action that recorded them, turned into the message {@code oplog.detail.ACTION}. */
	private static final Map<String, Pattern> SHAPES = Map.ofEntries(
			Map.entry("pledge.create", Pattern.compile("pledge:(\\d+) quantity (\\d+)")),
			Map.entry("need.create", Pattern.compile("([A-Z_]+) (.*)", Pattern.DOTALL)),
			Map.entry("need.repost", Pattern.compile("after need:(\\d+)")),
			Map.entry("campaign.donor", Pattern.compile("donor:(\\d+) budget (\\d+)")),
			Map.entry("campaign.donor-remove", Pattern.compile("donor:(\\d+)")),
			Map.entry("campaign.drop", Pattern.compile("need:(\\d+)")),
			Map.entry("campaign.send", Pattern.compile("(\\d+) invitations")),
			Map.entry("campaign.allocate", Pattern.compile("(\\d+) invitations, (\\d+) fen of bound (\\d+)")),
			Map.entry("campaign.accept", Pattern.compile("pledge:(\\d+)")),
			Map.entry("offer.close", Pattern.compile("(\\d+) waiting requests declined")),
			Map.entry("grant.create", Pattern.compile("([A-Z_]+) @ \\d+ (\\S+)(?: \\(invited (.+)\\))?")),
			Map.entry("grant.revoke", Pattern.compile("([A-Z_]+) @ \\d+ (\\S+)")),
			Map.entry("register.donor", Pattern.compile("([A-Z_]+) (.*)", Pattern.DOTALL)),
			Map.entry("consent.record", Pattern.compile("([A-Z_]+)( post)?( photos)?")),
			Map.entry("consent.revoke", Pattern.compile("consent (\\d+)")),
			Map.entry("need.report.handle", Pattern.compile("(withdrawn|dismissed)")),
			Map.entry("need.rule.update", Pattern.compile("(.*)", Pattern.DOTALL)),
			Map.entry("assessment.rewards.export", Pattern.compile("(\\S+) (\\S+) (\\d+) lines")));

	private OperationLogView() {
	}

	static List<Line> lines(List<OperationLog.Entry> entries, MessageSource messages, Locale locale) {
		List<Line> lines = new ArrayList<>();
		for (OperationLog.Entry e : entries) {
			String action = messages.getMessage("oplog.action." + e.action(), null, e.action(), locale);
			String target = null;
			String href = null;
			if (e.target() != null && e.target().indexOf(':') > 0) {
				String kind = e.target().substring(0, e.target().indexOf(':'));
				String id = e.target().substring(kind.length() + 1);
				if (kind.equals("account")) {
					target = e.targetName();
				}
				else if (kind.equals("category")) {
					target = messages.getMessage("need.category." + id, null, id, locale);
					href = "/needs/rules";
				}
				else {
					target = messages.getMessage("oplog.target." + kind, new Object[] { id }, e.target(), locale);
					href = PAGES.containsKey(kind) ? PAGES.get(kind) + id : null;
				}
			}
			lines.add(new Line(e.at(), e.accountName(), action, target, href, detail(e, messages, locale), e.ip()));
		}
		return lines;
	}

	/** The detail in words: a known shape through its message, free text (a name, a reason) as it was written. */
	static String detail(OperationLog.Entry e, MessageSource messages, Locale locale) {
		String detail = e.detail();
		Pattern shape = SHAPES.get(e.action());
		if (detail == null || shape == null) {
			return detail;
		}
		Matcher m = shape.matcher(detail.strip());
		if (!m.matches()) {
			return detail;
		}
		Object[] args = new Object[m.groupCount()];
		for (int i = 0; i < args.length; i++) {
			args[i] = m.group(i + 1) == null ? "" : m.group(i + 1).strip();
		}
		switch (e.action()) {
			case "need.create" -> args[0] = messages.getMessage("need.category." + args[0], null, (String) args[0], locale);
			case "campaign.donor" -> args[1] = Money.yuan(Long.parseLong((String) args[1]));
			case "campaign.allocate" -> {
				args[1] = Money.yuan(Long.parseLong((String) args[1]));
				args[2] = Money.yuan(Long.parseLong((String) args[2]));
			}
			case "grant.create", "grant.revoke" -> {
				args[0] = messages.getMessage("role." + args[0], null, (String) args[0], locale);
				if (args.length > 2 && !"".equals(args[2])) {
					args[2] = messages.getMessage("oplog.detail.invited", new Object[] { args[2] }, locale);
				}
			}
			case "register.donor" -> args[0] = messages.getMessage("donor." + args[0], null, (String) args[0], locale);
			case "consent.record" -> {
				args[0] = messages.getMessage("consent.method." + args[0], null, (String) args[0], locale);
				args[1] = "".equals(args[1]) ? "" : messages.getMessage("oplog.detail.consent.post", null, locale);
				args[2] = "".equals(args[2]) ? "" : messages.getMessage("oplog.detail.consent.photos", null, locale);
			}
			case "need.report.handle" -> args[0] = messages.getMessage("oplog.detail.report." + args[0], null, locale);
			default -> {
			}
		}
		return messages.getMessage("oplog.detail." + e.action(), args, detail, locale);
	}
}
