package org.bangfu.need;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Item names and stories as the rules compare them: full-width letters and digits made half-width (NFKC), traditional
 * characters made simplified (a table of the characters goods, brands and needs are written with, not all of Chinese),
 * letters case-folded, and spaces, punctuation and separators dropped, so that "ｉＰｈｏｎｅ１５", "iPhone 15" and
 * "iphone15" read alike. Where a run of Latin letters began (after a space, a digit, a Chinese character or a
 * lower-to-upper hump) is kept, so a short Latin alias such as "lv" is only found as a word of its own, not inside
 * another word.
 */
final class ItemText {

	/** Traditional and simplified pairs: each traditional character followed by its simplified one. */
	private static final String TRADITIONAL_SIMPLIFIED = "臺台檯台機机視视電电腦脑錶表鐘钟貴贵華华為为蘋苹與与車车學学費费藥药醫医療疗輪轮護护"
			+ "裝装鑽钻項项鏈链環环鐲镯寶宝傢家話话筆笔記记書书買买賣卖錢钱國国紅红煙烟菸烟蓋盖藍蓝黃黄綠绿輛辆龍龙鳳凤門门們们"
			+ "個个來来這这對对說说時时東东長长開开關关會会發发給给於于麼么頭头聽听輔辅優优質质讀读課课網网絡络糧粮飯饭鍋锅麵面"
			+ "氣气熱热補补貼贴養养壽寿險险業业產产農农種种戲戏遊游樂乐攝摄錄录體体運运動动遙遥專专價价單单雙双褲裤襪袜幣币銀银"
			+ "羅罗蘭兰馬马蓮莲屬属鉀钾鋼钢磚砖塊块櫃柜櫥橱簾帘燈灯線线纜缆飲饮淨净衛卫廁厕廚厨閱阅歲岁殘残聾聋啞哑鏡镜齒齿隨随"
			+ "紙纸濕湿墊垫儀仪測测壓压針针劑剂膠胶顆颗貨货廳厅壺壶顯显螢萤寬宽頻频級级檔档歐欧萊莱詩诗資资調调靈灵輕轻實实驗验"
			+ "髮发麗丽韓韩鬆松緊紧舊旧換换兒儿孫孙爺爷媽妈親亲顧顾請请謝谢幫帮難难窮穷災灾壞坏場场廠厂鄉乡縣县區区號号碼码"
			+ "鞦秋韆千誌志織织紡纺綢绸緞缎絨绒棉棉襯衬衫衫鑰钥匙匙鎖锁鍵键盤盘滑滑鼠鼠耳耳麥麦揚扬聲声響响導导遊游覽览攜携帶带"
			+ "錦锦鋪铺蓆席囪囱鍍镀鋁铝鐵铁釘钉漆漆塗涂據据擇择價价贈赠禮礼盒盒瓶瓶條条斤斤噸吨袋袋張张愛爱瘋疯蘭兰蔻蔻紀纪樂乐"
			+ "濟济療疗復复訓训練练習习誤误嬰婴奮奋憶忆暢畅廣广壯壮鮮鲜魚鱼雞鸡鴨鸭豬猪絲丝蠶蚕麗丽嚴严厲厉醬酱勞劳飛飞鑲镶無无聖圣點点鍊链腳脚輛辆邊边墻墙牆墙";

	private static final Map<Character, Character> SIMPLIFIED = new HashMap<>();

	static {
		for (int i = 0; i + 1 < TRADITIONAL_SIMPLIFIED.length(); i += 2) {
			char traditional = TRADITIONAL_SIMPLIFIED.charAt(i);
			char simplified = TRADITIONAL_SIMPLIFIED.charAt(i + 1);
			if (traditional != simplified) {
				SIMPLIFIED.put(traditional, simplified);
			}
		}
	}

	/** The compared text: letters, digits and Chinese characters only, simplified and lower case. */
	private final String text;

	/** Whether a run of Latin letters begins at each position of {@link #text}. */
	private final boolean[] latinStart;

	private ItemText(String text, boolean[] latinStart) {
		this.text = text;
		this.latinStart = latinStart;
	}

	static ItemText of(String raw) {
		String widened = Normalizer.normalize(raw == null ? "" : raw, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(widened.length());
		boolean[] starts = new boolean[widened.length()];
		boolean separated = true;
		char previous = 0;
		for (int i = 0; i < widened.length(); i++) {
			char c = widened.charAt(i);
			if (!Character.isLetterOrDigit(c)) {
				separated = true;
				continue;
			}
			char simplified = SIMPLIFIED.getOrDefault(c, c);
			boolean latin = isLatin(simplified);
			boolean hump = latin && Character.isUpperCase(c) && Character.isLowerCase(previous);
			starts[out.length()] = latin && (separated || !isLatin(previous) || hump);
			out.append(Character.toLowerCase(simplified)); // case folding: NIKE, Nike, nike
			previous = simplified;
			separated = false;
		}
		boolean[] trimmed = new boolean[out.length()];
		System.arraycopy(starts, 0, trimmed, 0, out.length());
		return new ItemText(out.toString(), trimmed);
	}

	/** A list word as it is compared (its own word boundaries do not matter). */
	static String key(String word) {
		return of(word).text;
	}

	String text() {
		return text;
	}

	int length() {
		return text.length();
	}

	/**
	 * Whether {@code word} (a key) may be read at {@code at}: it is there, and a Latin word starts where a Latin run starts
	 * and, when shorter than four letters, ends where the run ends (a digit or a Chinese character may follow: "mate60").
	 */
	boolean wordAt(String word, int at) {
		if (word.isEmpty() || !text.startsWith(word, at)) {
			return false;
		}
		if (isLatin(word.charAt(0)) && !latinStart[at]) {
			return false;
		}
		int end = at + word.length();
		boolean endsLatin = isLatin(word.charAt(word.length() - 1));
		if (endsLatin && word.length() < 4 && end < text.length() && isLatin(text.charAt(end)) && !latinStart[end]) {
			return false;
		}
		return true;
	}

	/** Whether the word (a key) occurs anywhere as a word. */
	boolean contains(String word) {
		for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
			if (wordAt(word, at)) {
				return true;
			}
		}
		return false;
	}

	static boolean isLatin(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	@Override
	public String toString() {
		return text;
	}
}
