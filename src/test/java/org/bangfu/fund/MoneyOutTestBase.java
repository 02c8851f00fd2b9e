package org.bangfu.fund;

import org.bangfu.ApplicationTest;
import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.account.DonorType;
import org.bangfu.need.Need;
import org.bangfu.need.Needs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** What the money-out tests share: the use cases, donors, the two demo fund staff, a hospital, a need that ends. Township 430421106. */
abstract class MoneyOutTestBase extends ApplicationTest {

	static final String TOWNSHIP = "430421106";

	@Autowired
	Accounts accounts;

	@Autowired
	Giving giving;

	@Autowired
	GiftArrival arrival;

	@Autowired
	Grants grants;

	@Autowired
	Paying paying;

	@Autowired
	Payees payees;

	@Autowired
	NeedEndings endings;

	@Autowired
	GoodsGifts goods;

	@Autowired
	FundLedger ledger;

	@Autowired
	FundAccount fundAccount;

	@Autowired
	MoneyLines lines;

	@Autowired
	Needs needs;

	@Autowired
	TransactionTemplate tx;

	BangfuUser donor() {
		String phone = newPhone();
		long id = accounts.create(new Accounts.NewAccount(phone, "测试捐赠人" + phone.substring(7), DEMO_PASSWORD, DonorType.INDIVIDUAL, null, null, null));
		return accounts.findById(id).orElseThrow();
	}

	BangfuUser staffA() {
		return accounts.findByPhone("13800000031").orElseThrow();
	}

	BangfuUser staffB() {
		return accounts.findByPhone("13800000032").orElseThrow();
	}

	/** A promised gift to the line (or the pool when needId is null). */
	Gift promise(BangfuUser donor, Long needId, long fen, IfUnfunded ifUnfunded) {
		return giving.give(donor, needId, new Giving.Request(needId == null ? null : 0, fen, ifUnfunded, false), null).gift();
	}

	/** A gift whose money arrived. */
	Gift given(BangfuUser donor, Long needId, long fen, IfUnfunded ifUnfunded) {
		Gift g = promise(donor, needId, fen, ifUnfunded);
		return arrival.received(g.referenceCode(), fen, "test", clock.instant());
	}

	Payees.Payee hospital() {
		return payees.create(staffA(), "衡阳县人民医院", PayeeKind.HOSPITAL, "中国银行衡阳县支行", "6217 0000 1111 2222");
	}

	/** The need expires (as the expiry job does, one need): its NeedEnded is published where it is saved. */
	void expire(long needId) {
		tx.executeWithoutResult(s -> {
			Need n = needs.get(needId);
			n.expire(clock.instant());
			needs.save(n);
		});
		eventsSettled();
	}

	String needState(long needId) {
		return jdbc.sql("SELECT state FROM need WHERE id = ?").param(needId).query(String.class).single();
	}

	long line(long needId) {
		return ledger.balanceOrZero(FundAccounts.need(needId, 0));
	}

	long ledgerSum() {
		return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM fund_ledger_line").query(Long.class).single();
	}

	long entries() {
		return jdbc.sql("SELECT count(*) FROM fund_ledger_entry").query(Long.class).single();
	}

	static byte[] pdf() {
		return "%PDF-1.4\n% bank receipt\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

	/** A plain JPEG, as a phone's photo of a bank slip would arrive. */
	static byte[] jpeg() throws java.io.IOException {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}
}
