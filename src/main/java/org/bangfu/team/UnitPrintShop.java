package org.bangfu.team;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.bangfu.shared.TooManyAttemptsException;
import org.springframework.stereotype.Component;

/**
 * Where the public printables come from. Drawing an A4 poster at 300 dpi takes a 35 MB image and a few hundred
 * milliseconds, and the printables need no login: a burst of requests must neither fill the heap nor the CPUs. So a
 * drawn printable is kept (keyed by everything it shows, so a renamed unit is drawn anew), at most {@value #DRAWING}
 * are drawn at once, and a request that cannot start drawing within {@value #WAIT_SECONDS} s is told to try again
 * (429).
 */
@Component
public class UnitPrintShop {

	static final int DRAWING = 2;

	static final int WAIT_SECONDS = 5;

	private static final int KEPT = 48;

	private final Semaphore drawing = new Semaphore(DRAWING, true);

	private final Map<String, byte[]> kept = new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
			return size() > KEPT;
		}
	};

	/** The printable {@code what} (poster.pdf, badge.png …) of a unit as it reads now, drawn by {@code draw} when not kept. */
	public byte[] printable(String what, RegistrationUnit unit, String regionName, String link, Supplier<byte[]> draw) {
		String key = String.join("\u0000", what, String.valueOf(unit.id()), unit.name(), regionName, link);
		byte[] bytes = kept(key);
		if (bytes != null) {
			return bytes;
		}
		try {
			if (!drawing.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
				throw new TooManyAttemptsException("unit.printables-busy");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new TooManyAttemptsException("unit.printables-busy");
		}
		try {
			bytes = kept(key); // drawn by another request while this one waited
			if (bytes == null) {
				bytes = draw.get();
				synchronized (kept) {
					kept.put(key, bytes);
				}
			}
			return bytes;
		}
		finally {
			drawing.release();
		}
	}

	private byte[] kept(String key) {
		synchronized (kept) {
			return kept.get(key);
		}
	}
}
