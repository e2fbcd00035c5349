package io.github.spacescopejava.testkit.internal;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic pseudo-randomness: 64-bit FNV-1a over the UTF-8 bytes of the parts, finished with
 * SplitMix64. The same parts give the same numbers on every JVM and every run.
 */
final class Seeds {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Seeds() {}

  static long of(String... parts) {
    long h = FNV_OFFSET;
    for (String part : parts) {
      for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
        h ^= b & 0xff;
        h *= FNV_PRIME;
      }
      h ^= 0x1f; // unit separator, so ("ab","c") and ("a","bc") differ
      h *= FNV_PRIME;
    }
    return mix(h);
  }

  static long combine(long a, long b) {
    return mix(a ^ Long.rotateLeft(b, 23) ^ 0x9e3779b97f4a7c15L);
  }

  /** The SplitMix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A small SplitMix64 stream started from a seed. */
  static final class Stream {
    private long state;

    Stream(long seed) {
      this.state = seed;
    }

    long nextLong() {
      state += 0x9e3779b97f4a7c15L;
      return mix(state);
    }

    /** Uniform in [0, 1), 53 bits. */
    double nextDouble() {
      return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
      return (int) Math.floorMod(nextLong(), (long) bound);
    }

    /** Uniform in [low, high). */
    long between(long low, long high) {
      return low + Math.floorMod(nextLong(), high - low);
    }

    /** Log-uniform in [low, high): plausible spread over several orders of magnitude. */
    double logBetween(double low, double high) {
      return low * Math.pow(high / low, nextDouble());
    }

    boolean chance(double p) {
      return nextDouble() < p;
    }
  }
}
