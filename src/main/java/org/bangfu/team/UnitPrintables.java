package org.bangfu.team;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.bangfu.need.QrCodes;

/**
 * The printables of a unit (docs/mobilisation.md): an A4 poster and a vest badge of 90 × 120 mm, drawn with Java2D at
 * 300 dpi (headless) — the platform's name, the unit, its QR code and the three steps — as PNG, and as PDF with the
 * picture placed at its printed size (the poster on A4; four badges on A4 with cut lines).
 */
public final class UnitPrintables {

	static final String PLATFORM = "社会扶贫网 · 衡阳";

	static final int DPI = 300;

	static final double POSTER_W_MM = 210, POSTER_H_MM = 297, BADGE_W_MM = 90, BADGE_H_MM = 120;

	private static final Color RED = new Color(0xB7, 0x1C, 0x1C);

	private static final Color INK = new Color(0x21, 0x21, 0x21);

	private static final Color GREY = new Color(0x55, 0x55, 0x55);

	/** Noto Sans CJK SC when the machine has it (fonts-noto-cjk), else the logical SansSerif (which may lack Chinese). */
	static final String FONT_FAMILY = Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
		.contains("Noto Sans CJK SC") ? "Noto Sans CJK SC" : Font.SANS_SERIF;

	private UnitPrintables() {
	}

	static int px(double mm) {
		return (int) Math.round(mm / 25.4 * DPI);
	}

	/** The A4 poster: the platform, the unit, a large QR code of the link, the three steps and the link in words. */
	public static BufferedImage poster(String unitName, String regionName, String link) {
		int w = px(POSTER_W_MM), h = px(POSTER_H_MM);
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = start(image);
		g.setColor(RED);
		g.fillRect(0, 0, w, px(40));
		g.setColor(Color.WHITE);
		centred(g, font(Font.BOLD, 150), PLATFORM, w, px(24));
		centred(g, font(Font.PLAIN, 70), "帮扶困难群众 · 人人可以出一份力", w, px(35));
		g.setColor(INK);
		int y = px(58);
		for (String line : wrap(g, font(Font.BOLD, 140), unitName, w - px(30))) {
			centred(g, font(Font.BOLD, 140), line, w, y);
			y += 175;
		}
		g.setColor(GREY);
		centred(g, font(Font.PLAIN, 70), regionName + " · 扫码注册成为爱心人士", w, y);
		// the QR code takes what the name leaves: 120 mm, less when the name runs to three lines
		int qrSize = Math.min(px(120), h - px(10) - 60 - (px(14) + 3 * px(15) + 40) - (y + px(6)));
		g.drawImage(qr(link, qrSize), (w - qrSize) / 2, y + px(6), null);
		int stepsTop = y + px(6) + qrSize + px(14);
		steps(g, w, stepsTop, 90, px(15));
		g.setColor(GREY);
		centred(g, font(Font.PLAIN, 50), "或在浏览器中打开：" + link, w, h - px(10));
		g.dispose();
		return image;
	}

	/** The vest badge, 90 × 120 mm: the platform, the unit, the QR code and the steps in short. */
	public static BufferedImage badge(String unitName, String link) {
		int w = px(BADGE_W_MM), h = px(BADGE_H_MM);
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = start(image);
		g.setColor(RED);
		g.fillRect(0, 0, w, px(17));
		g.setColor(Color.WHITE);
		centred(g, font(Font.BOLD, 88), PLATFORM, w, px(11.5));
		g.setColor(INK);
		int y = px(26);
		for (String line : wrap(g, font(Font.BOLD, 70), unitName, w - px(8))) {
			centred(g, font(Font.BOLD, 70), line, w, y);
			y += 88;
		}
		int qrSize = Math.min(px(62), h - 30 - 3 * px(5.5) - px(5) - (y - px(3)));
		g.drawImage(qr(link, qrSize), (w - qrSize) / 2, y - px(3), null);
		steps(g, w, y - px(3) + qrSize + px(5), 40, px(5.5));
		g.setColor(RED);
		g.setStroke(new java.awt.BasicStroke(6));
		g.drawRect(3, 3, w - 7, h - 7);
		g.dispose();
		return image;
	}

	/** The three steps and what comes after, one line each. */
	private static void steps(Graphics2D g, int w, int top, int size, int lineHeight) {
		String[] lines = { "① 扫码", "② 填手机号，收验证码", "③ 设置密码，完成注册", "然后：认领身边困难家庭的需求" };
		int y = top;
		for (int i = 0; i < lines.length; i++) {
			g.setColor(i < 3 ? INK : RED);
			centred(g, font(i < 3 ? Font.PLAIN : Font.BOLD, size), lines[i], w, y);
			y += lineHeight;
		}
	}

	public static byte[] png(BufferedImage image) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The poster on one A4 page, at its printed size. */
	public static byte[] posterPdf(BufferedImage poster) {
		return pdf(poster, 1, POSTER_W_MM, POSTER_H_MM);
	}

	/** Four badges on one A4 page (two by two, centred), with thin cut lines around each. */
	public static byte[] badgePdf(BufferedImage badge) {
		return pdf(badge, 2, BADGE_W_MM, BADGE_H_MM);
	}

	private static byte[] pdf(BufferedImage image, int perSide, double wMm, double hMm) {
		try (PDDocument doc = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			PDImageXObject picture = LosslessFactory.createFromImage(doc, image);
			float w = pt(wMm), h = pt(hMm);
			float left = (PDRectangle.A4.getWidth() - perSide * w) / 2, bottom = (PDRectangle.A4.getHeight() - perSide * h) / 2;
			try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
				for (int col = 0; col < perSide; col++) {
					for (int row = 0; row < perSide; row++) {
						content.drawImage(picture, left + col * w, bottom + row * h, w, h);
						if (perSide > 1) {
							content.setLineWidth(0.3f);
							content.addRect(left + col * w, bottom + row * h, w, h);
							content.stroke();
						}
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static float pt(double mm) {
		return (float) (mm / 25.4 * 72);
	}

	private static Graphics2D start(BufferedImage image) {
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		return g;
	}

	private static Font font(int style, int size) {
		return new Font(FONT_FAMILY, style, size);
	}

	private static void centred(Graphics2D g, Font font, String text, int width, int baseline) {
		g.setFont(font);
		FontMetrics m = g.getFontMetrics();
		g.drawString(text, (width - m.stringWidth(text)) / 2, baseline);
	}

	/** The text in lines no wider than {@code max} (CJK text breaks between any two characters), three at most. */
	static List<String> wrap(Graphics2D g, Font font, String text, int max) {
		FontMetrics m = g.getFontMetrics(font);
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (line.length() > 0 && m.stringWidth(line.toString() + c) > max) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append(c);
		}
		if (line.length() > 0) {
			lines.add(line.toString());
		}
		if (lines.size() <= 3) {
			return lines;
		}
		// longer than three lines (a long name on the badge): the third ends with an ellipsis
		String third = lines.get(2);
		return List.of(lines.get(0), lines.get(1), third.substring(0, third.length() - 1) + "…");
	}

	/** The QR code of the link, black on white with its quiet zone, exactly {@code size} pixels wide (no scaling blur). */
	static BufferedImage qr(String link, int size) {
		try {
			return ImageIO.read(new ByteArrayInputStream(QrCodes.png(link, size)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
