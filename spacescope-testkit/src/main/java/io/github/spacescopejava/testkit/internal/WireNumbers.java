package io.github.spacescopejava.testkit.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Numbers as the API writes them (decision D25): the documented examples hold values that went
 * through a {@code double} on the server and were printed in their shortest form, so integers
 * beyond 2^53 end in zeros and are not the exact value of any {@code double} ({@code
 * 20431876696867700000}), decimals carry up to 17 significant digits ({@code 316590544.83518726}),
 * and values under 1e-4 are written with an exponent ({@code 4.940028699413e-06}). A client that
 * decodes them into {@code double} loses digits; one that decodes into {@code BigDecimal} keeps
 * every digit written.
 */
final class WireNumbers {
  private static final double TWO_POW_53 = 0x1p53;
  private static final BigDecimal EXPONENT_BELOW = new BigDecimal("0.0001");
  private static final java.math.MathContext FIFTEEN_DIGITS =
      new java.math.MathContext(15, java.math.RoundingMode.HALF_EVEN);

  private WireNumbers() {}

  /** A decimal in the shortest form that reads back as {@code value}. */
  static BigDecimal decimal(double value) {
    if (value == 0 || !Double.isFinite(value)) {
      return BigDecimal.ZERO;
    }
    return BigDecimal.valueOf(value);
  }

  /**
   * A whole number: below 2^53 the nearest integer (exact in a double anyway). Beyond it, digits no
   * {@code double} holds, in one of the two forms the API's examples show: the value rounded to 15
   * significant digits ({@code 20431876696867700000}), or, where that happens to be a double, an
   * exact integer whose last digits fall between two doubles ({@code 36327829821980673}).
   */
  static BigDecimal whole(double value) {
    if (Math.abs(value) < TWO_POW_53) {
      return BigDecimal.valueOf(Math.round(value));
    }
    BigDecimal fifteen = new BigDecimal(value).round(FIFTEEN_DIGITS);
    BigDecimal rounded = new BigDecimal(fifteen.toBigInteger());
    if (!isDouble(rounded)) {
      return rounded;
    }
    // Between this double and the next one: no double has these digits.
    BigInteger exact = new BigDecimal(value).toBigInteger();
    BigInteger gap = new BigDecimal(Math.ulp(value)).toBigInteger();
    return new BigDecimal(exact.add(gap.shiftRight(1).max(BigInteger.ONE)));
  }

  /** True when {@code v} is exactly the value of a {@code double}. */
  static boolean isDouble(BigDecimal v) {
    double d = v.doubleValue();
    return Double.isFinite(d) && new BigDecimal(d).compareTo(v) == 0;
  }

  /** The JSON text of a number: plain digits, or an exponent for magnitudes under 1e-4. */
  static String text(BigDecimal value) {
    if (value.signum() == 0 || value.abs().compareTo(EXPONENT_BELOW) >= 0) {
      return value.toPlainString();
    }
    BigDecimal v = value.stripTrailingZeros();
    String digits = v.unscaledValue().abs().toString();
    int exponent = v.precision() - v.scale() - 1;
    StringBuilder b = new StringBuilder();
    if (v.signum() < 0) {
      b.append('-');
    }
    b.append(digits.charAt(0));
    if (digits.length() > 1) {
      b.append('.').append(digits, 1, digits.length());
    }
    b.append("e-");
    int e = -exponent;
    if (e < 10) {
      b.append('0');
    }
    return b.append(e).toString();
  }
}
