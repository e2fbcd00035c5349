package io.github.spacescopejava.testkit.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The JSON of synthesized {@code data} arrays, by the arguments that determine them (D36). Rows
 * depend only on the operation and the row keys asked for ({@link RowSynthesizer}), never on the
 * request id, the clock or the fake, so every fake of one {@link ApiSpec} shares the bytes: a
 * repeated request costs the envelope only. Bounded by a byte budget; when it is exceeded the cache
 * starts over (a fake sees few distinct requests, and a miss only costs the synthesis again).
 */
final class RowCache {
  /** Arrays larger than this are synthesized every time, never kept. */
  static final int MAX_ENTRY_BYTES = 2 << 20;

  /** The bytes kept at most, per spec. */
  static final long BUDGET_BYTES = 16L << 20;

  private final Map<List<Object>, byte[]> arrays = new ConcurrentHashMap<>();
  private final AtomicLong bytes = new AtomicLong();

  /**
   * The JSON array for {@code key}, from the cache or written from {@code rows}.
   *
   * @param key everything the rows depend on, the operation's path included; its elements must be
   *     immutable values with {@code equals}
   */
  byte[] data(List<Object> key, Supplier<List<Map<String, Object>>> rows) {
    byte[] cached = arrays.get(key);
    if (cached != null) {
      return cached;
    }
    byte[] written = Envelopes.data(rows.get());
    if (written.length <= MAX_ENTRY_BYTES) {
      if (bytes.addAndGet(written.length) > BUDGET_BYTES) {
        arrays.clear();
        bytes.set(written.length);
      }
      arrays.put(key, written);
    }
    return written;
  }

  /** How many arrays are kept; for tests. */
  int size() {
    return arrays.size();
  }
}
