package org.bangfu.pledge;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.bangfu.account.Accounts;
import org.bangfu.need.NeedNotices;
import org.bangfu.need.NeedPledging;
import org.bangfu.notify.Notices;
import org.springframework.stereotype.Component;

/**
 * What each step of a pledge tells whom: the donor, the need's poster (the officer keeps getting its
 * notices) and the household itself when it has an account, in short plain words, the donor's name
 * masked as the public sees it on the need's page. Written in the step's transaction.
 */
@Component
class PledgeNotices {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日").withZone(ZoneId.of("Asia/Shanghai"));

	private final NeedNotices needNotices;

	private final Accounts accounts;

	private final Notices notices;

	PledgeNotices(NeedNotices needNotices, Accounts accounts, Notices notices) {
		this.needNotices = needNotices;
		this.accounts = accounts;
		this.notices = notices;
	}

	void pledged(Pledge p, NeedPledging.Open need) {
		tellNeed(p, need, "您发布的需求（编号 " + need.id() + "）有爱心人士认领了 " + p.quantity() + " 件，请留意接收，收到后在平台上确认。"
				+ "捐赠者的联系方式和留言在认领页。",
				"好消息！" + donor(p) + "认领了您家的需求「" + need.title() + "」：" + items(p, need) + "，最晚" + day(p.deadline()) + "送到。",
				p.donorId());
	}

	void shipped(Pledge p, NeedPledging.Open need) {
		tellNeed(p, need, "需求（编号 " + need.id() + "）的一笔认领（编号 " + p.id() + "）已发出，收到后请在平台上确认收到并拍一张照片。",
				donor(p) + "送给您家的" + items(p, need) + "已经寄出。收到后请拍一张照片，点“确认收到”。", p.donorId());
	}

	void received(Pledge p, NeedPledging.Open need, long by) {
		tellAccount(p.donorId(), "您认领的帮扶物资（认领编号 " + p.id() + "）已确认收到，谢谢您的爱心！", link(need));
		tellNeed(p, need, "需求（编号 " + need.id() + "）的一笔认领（编号 " + p.id() + "）已确认收到。",
				"已为您家确认收到" + donor(p) + "送的" + items(p, need) + "。可以给TA说声谢谢。", by);
	}

	void cancelled(Pledge p, NeedPledging.Open need) {
		tellNeed(p, need, "需求（编号 " + need.id() + "）的一笔认领（编号 " + p.id() + "）已被认领人取消，这些数量已重新开放认领。",
				donor(p) + "取消了对您家需求「" + need.title() + "」的认领，需求重新等待爱心人士帮助。", p.donorId());
	}

	void lapsed(Pledge p, NeedPledging.Open need) {
		tellAccount(p.donorId(), "您的认领（编号 " + p.id() + "）已过送达期限，已自动释放，需求重新开放认领。", link(need));
		tellNeed(p, need, "需求（编号 " + need.id() + "）的一笔认领（编号 " + p.id() + "）已过送达期限未送达，已自动释放，需求重新开放认领。",
				donor(p) + "答应送给您家的" + items(p, need) + "到期没有送到，已经取消，需求重新等待爱心人士帮助。", null);
	}

	/** The deadline is near: the donor is asked to deliver, the household and the officer to confirm what has arrived. */
	void dueSoon(Pledge p, NeedPledging.Open need) {
		tellAccount(p.donorId(), "您的认领（编号 " + p.id() + "）约定" + day(p.deadline()) + "前送达，请按时送到；到期未送达将自动释放。", link(need));
		tellNeed(p, need, "需求（编号 " + need.id() + "）的一笔认领（编号 " + p.id() + "）将于" + day(p.deadline()) + "到期。已送到的，请尽快确认收到。",
				donor(p) + "答应送给您家的" + items(p, need) + "约定" + day(p.deadline()) + "前送到。如果已经收到，请拍照点“确认收到”。", null);
	}

	/** The poster's notice links to the pledge's own page, where the delivery is arranged; the household's to its home. */
	private void tellNeed(Pledge p, NeedPledging.Open need, String toPoster, String toHousehold, Long actor) {
		needNotices.tell(need.posterId(), need.householdId(), toPoster, toHousehold, "/pledges/" + p.id(), actor);
	}

	private void tellAccount(long accountId, String text, String link) {
		notices.tell(accountId, accounts.phoneOf(accountId), text, link);
	}

	private static String link(NeedPledging.Open need) {
		return "/needs/" + need.id();
	}

	/** The donor as the public sees them on the need's page. */
	private String donor(Pledge p) {
		return accounts.findById(p.donorId()).map(DonorNames::shown).orElse("爱心人士");
	}

	/** What the pledge holds, in the household's own words (its own need, so nothing masked). */
	private static String items(Pledge p, NeedPledging.Open need) {
		return PledgePages.describe(p.items(), need.items(), List.of());
	}

	private static String day(Instant at) {
		return DAY.format(at);
	}
}
