package io.github.spacescopejava.testkit.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The request rules of one operation as the spec states them, read by the fake instead of being
 * written in its Java: an edit to the spec changes what the fake accepts.
 *
 * @param maxWindowDays {@code x-max-window-days}: the inclusive days the docs allow, 0 without a
 *     window
 * @param acceptedWindowDays {@code x-accepted-window-days}: the inclusive days the live server is
 *     known to accept, or {@code maxWindowDays} where the spec says nothing more
 * @param requiresOneOf {@code x-requires-one-of}: parameters of which a request gives at least one
 * @param wholeSeriesDaysAfterLatest {@code x-without-dates.days-after-latest-available-day}: when
 *     not null, a request without start and end dates gets the whole series, up to that many days
 *     after the latest available day
 * @param parameters the schema rules of each query parameter, by name
 */
record OperationRules(
    int maxWindowDays,
    int acceptedWindowDays,
    List<String> requiresOneOf,
    @Nullable Integer wholeSeriesDaysAfterLatest,
    Map<String, ParameterRule> parameters) {

  public OperationRules {
    requiresOneOf = List.copyOf(requiresOneOf);
    parameters = Map.copyOf(parameters);
    if (acceptedWindowDays < maxWindowDays) {
      throw new IllegalArgumentException(
          "x-accepted-window-days "
              + acceptedWindowDays
              + " is below x-max-window-days "
              + maxWindowDays);
    }
  }

  /** The largest inclusive window the fake accepts: the docs' figure when strict. */
  public int windowDays(boolean strict) {
    return strict ? maxWindowDays : acceptedWindowDays;
  }

  /** The rule of parameter {@code name}; an empty rule for a parameter the spec does not bound. */
  public ParameterRule parameter(String name) {
    return parameters.getOrDefault(name, ParameterRule.NONE);
  }

  /**
   * What the schema of one query parameter says about its value.
   *
   * @param pattern {@code pattern}, or null
   * @param minimum {@code minimum}, or null
   * @param maximum {@code maximum}, or null
   * @param example {@code example} as text, or null
   */
  public record ParameterRule(
      @Nullable Pattern pattern,
      @Nullable BigDecimal minimum,
      @Nullable BigDecimal maximum,
      @Nullable String example) {
    static final ParameterRule NONE = new ParameterRule(null, null, null, null);

    /** Why {@code value} breaks the rule, or null when it does not. */
    public @Nullable String violation(String name, String value) {
      if (pattern != null && !pattern.matcher(value).matches()) {
        return name
            + " '"
            + value
            + "' does not match "
            + pattern.pattern()
            + (example == null ? "" : ", for example " + example);
      }
      if (minimum != null || maximum != null) {
        BigDecimal n;
        try {
          n = new BigDecimal(value);
        } catch (NumberFormatException e) {
          return name + " '" + value + "' is not a number";
        }
        if ((minimum != null && n.compareTo(minimum) < 0)
            || (maximum != null && n.compareTo(maximum) > 0)) {
          String accepted =
              minimum == null
                  ? "up to " + maximum.toPlainString()
                  : maximum == null
                      ? minimum.toPlainString() + " or more"
                      : minimum.toPlainString() + " to " + maximum.toPlainString();
          return name + " " + value + " is out of range; accepted: " + accepted;
        }
      }
      return null;
    }
  }
}
