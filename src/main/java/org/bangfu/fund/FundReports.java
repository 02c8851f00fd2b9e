package org.bangfu.fund;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bangfu.need.NeedPledging;
import org.bangfu.region.Region;
import org.bangfu.region.Regions;
import org.bangfu.shared.RegionCode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disclosure (信息公开): a period's figures added up from the ledger's entries, so that they are exactly what anyone
 * recomputes from the export. Money in is the bank's side of GIFT_RECEIVED (to the pool or directed to a need's line);
 * money out per category and county is what PAYMENT_APPROVED / PAYMENT entries take from need lines' accounts (where
 * the line is, what it is for: fund_money_line, else the need itself); grants are GRANT entries, shown by need and
 * village only. Balances are the bank account's before the period and at its end.
 */
@Service
public class FundReports {

	static final Pattern NEED_ACCOUNT = Pattern.compile("need-(\\d+)-(\\d+)");

	private final FundLedger ledger;

	private final MoneyLines lines;

	private final NeedPledging needs;

	private final Regions regions;

	FundReports(FundLedger ledger, MoneyLines lines, NeedPledging needs, Regions regions) {
		this.ledger = ledger;
		this.lines = lines;
		this.needs = needs;
		this.regions = regions;
	}

	/** A sum and how many entries make it; {@code key} a category (MEDICAL) or a county code, {@code name} its name. */
	public record Row(String key, String name, long fen, int count) {
	}

	/** A grant from the pool: the need and the village only, never a person. */
	public record GrantRow(long seq, Instant at, long needId, int position, String village, String category, long fen) {
	}

	public record Report(ReportPeriod period, long openingBankFen, long closingBankFen, long receivedFen, int giftCount,
			long receivedToPoolFen, int giftsToPool, long receivedDirectedFen, int giftsDirected, long goodsFen, long approvedFen,
			long paidFen, long refundedFen, List<Row> byCategory, List<Row> byCounty, long grantedFen, List<GrantRow> grants, long entries) {

		/** What left the bank account in the period: payments to payees and refunds. */
		public long outFen() {
			return paidFen + refundedFen;
		}
	}

	/** Where a need's line is and what it is for. */
	private record Place(String regionCode, String category) {
	}

	@Transactional(readOnly = true)
	public Report of(ReportPeriod period) {
		List<LedgerEntry> entries = ledger.postedBetween(period.from(), period.to());
		long received = 0, toPool = 0, directed = 0, goods = 0, approved = 0, paid = 0, refunded = 0, granted = 0;
		int gifts = 0, giftsToPool = 0, giftsDirected = 0;
		Map<String, long[]> byCategory = new LinkedHashMap<>();
		Map<String, long[]> byCounty = new LinkedHashMap<>();
		List<GrantRow> grants = new ArrayList<>();
		Map<Long, Map<Integer, Place>> places = new HashMap<>();
		for (LedgerEntry e : entries) {
			switch (e.kind()) {
				case "GIFT_RECEIVED" -> {
					long bank = amountOn(e, FundAccounts.BANK);
					received += bank;
					gifts++;
					if (amountOn(e, FundAccounts.POOL) != 0) {
						toPool += bank;
						giftsToPool++;
					}
					else {
						directed += bank;
						giftsDirected++;
					}
				}
				case "GOODS_RECEIVED" -> goods += amountOn(e, FundAccounts.GOODS);
				case "REFUND" -> refunded += -amountOn(e, FundAccounts.BANK);
				case "PAYMENT_APPROVED", "PAYMENT" -> {
					if ("PAYMENT".equals(e.kind())) {
						paid += -amountOn(e, FundAccounts.BANK);
					}
					for (LedgerLine line : e.lines()) {
						Matcher m = NEED_ACCOUNT.matcher(line.account());
						if (line.amount() > 0 && m.matches()) {
							approved += line.amount();
							Place place = place(places, Long.parseLong(m.group(1)), Integer.parseInt(m.group(2)));
							add(byCategory, place.category(), line.amount());
							add(byCounty, place.regionCode() == null ? "" : place.regionCode().substring(0, Math.min(6, place.regionCode().length())),
									line.amount());
						}
					}
				}
				case "GRANT" -> {
					for (LedgerLine line : e.lines()) {
						Matcher m = NEED_ACCOUNT.matcher(line.account());
						if (line.amount() < 0 && m.matches()) {
							long needId = Long.parseLong(m.group(1));
							int position = Integer.parseInt(m.group(2));
							Place place = place(places, needId, position);
							granted += -line.amount();
							grants.add(new GrantRow(e.seq(), e.postedAt(), needId, position, name(place.regionCode()), place.category(), -line.amount()));
						}
					}
				}
				default -> {
				}
			}
		}
		return new Report(period, ledger.balanceBefore(FundAccounts.BANK, period.from()), ledger.balanceBefore(FundAccounts.BANK, period.to()),
				received, gifts, toPool, giftsToPool, directed, giftsDirected, goods, approved, paid, refunded, rows(byCategory, false),
				rows(byCounty, true), granted, grants, entries.size());
	}

	private static long amountOn(LedgerEntry e, String account) {
		return e.lines().stream().filter(l -> l.account().equals(account)).mapToLong(LedgerLine::amount).sum();
	}

	private static void add(Map<String, long[]> sums, String key, long fen) {
		long[] sum = sums.computeIfAbsent(key == null ? "" : key, k -> new long[2]);
		sum[0] += fen;
		sum[1]++;
	}

	private List<Row> rows(Map<String, long[]> sums, boolean regions) {
		return sums.entrySet().stream()
			.map(s -> new Row(s.getKey(), regions ? name(s.getKey()) : s.getKey(), s.getValue()[0], (int) s.getValue()[1]))
			.sorted(Comparator.comparingLong(Row::fen).reversed().thenComparing(Row::key))
			.toList();
	}

	/** The line's place: its fund_money_line row, else the need (a line granted to before any gift). */
	private Place place(Map<Long, Map<Integer, Place>> cache, long needId, int position) {
		Map<Integer, Place> ofNeed = cache.computeIfAbsent(needId, id -> {
			Map<Integer, Place> found = new HashMap<>();
			for (MoneyLines.Line l : lines.ofNeed(id)) {
				found.put(l.position(), new Place(l.regionCode(), l.category()));
			}
			return found;
		});
		return ofNeed.computeIfAbsent(position, p -> {
			var need = needs.getAll(List.of(needId)).get(needId);
			return need == null ? new Place(null, null) : new Place(need.regionCode(), need.category().name());
		});
	}

	/** A region's name by its code ("" or unknown: the code itself). */
	String name(String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		try {
			return regions.find(RegionCode.parse(code)).map(Region::name).orElse(code);
		}
		catch (RuntimeException malformed) {
			return code;
		}
	}
}
