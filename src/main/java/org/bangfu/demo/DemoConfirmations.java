package org.bangfu.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.bangfu.account.Accounts;
import org.bangfu.account.BangfuUser;
import org.bangfu.household.Households;
import org.bangfu.need.HouseholdWord;
import org.bangfu.need.Need;
import org.springframework.stereotype.Component;

/**
 * The household's own word on the demo needs posted on its behalf that the demo verifies (issue 16), given through the
 * real routes: the demo household with an account (13800000051, 张大山) confirms in its own account; every other
 * household by the photo of a signed form, here a drawn stand-in (the demo holds no real person's signature).
 */
@Component
class DemoConfirmations {

	private final HouseholdWord word;

	private final Households households;

	private final Accounts accounts;

	DemoConfirmations(HouseholdWord word, Households households, Accounts accounts) {
		this.word = word;
		this.households = households;
		this.accounts = accounts;
	}

	void confirm(Need need, BangfuUser poster) {
		if (!need.onBehalf() || need.householdId() == null) {
			return;
		}
		var own = households.accountOf(need.householdId()).flatMap(accounts::findById);
		if (own.isPresent()) {
			word.confirmByAccount(own.get(), need.id());
		}
		else {
			word.confirmByForm(poster, need.id(), new ByteArrayInputStream(signedForm()));
		}
	}

	/** A drawn sheet with ruled lines, a table and a red thumbprint in the signature box. */
	static byte[] signedForm() {
		BufferedImage image = new BufferedImage(720, 960, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(120, 110, 100));
		g.fillRect(0, 0, 720, 960);
		g.setColor(new Color(250, 248, 240));
		g.fillRect(60, 50, 600, 860);
		g.setColor(new Color(60, 60, 60));
		g.fillRect(240, 100, 240, 22);
		g.setStroke(new BasicStroke(2));
		for (int y = 180; y <= 560; y += 48) {
			g.drawLine(100, y, 620, y);
		}
		g.drawLine(260, 180, 260, 560);
		g.drawRect(100, 640, 240, 180);
		g.drawRect(380, 640, 240, 180);
		g.setColor(new Color(190, 30, 40, 200));
		g.fillOval(180, 690, 70, 95);
		g.setColor(new Color(30, 30, 120));
		g.drawPolyline(new int[] { 410, 440, 470, 500, 540, 580 }, new int[] { 760, 720, 770, 710, 760, 730 }, 6);
		g.dispose();
		return DemoImages.jpeg(image);
	}
}
