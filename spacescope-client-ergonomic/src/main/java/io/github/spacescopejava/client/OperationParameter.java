package io.github.spacescopejava.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One query parameter of an {@link Operation}, with the rules the spec states for it. Generated at
 * build time from {@code spec/spacescope.yaml}: the client's own checks ({@link ProviderId}, {@link
 * DealSearch}) read these rules, so a spec edit changes them with no Java edit.
 *
 * @param wireName the name on the wire, such as {@code miner_id}
 * @param javaName the name in the generated Java code, such as {@code minerId}
 * @param role what the parameter carries, from its role flag ({@code x-date-range-start}, ...)
 * @param required whether the spec requires it
 * @param jsonType the schema's type: {@code string}, {@code integer}, ...
 * @param format the schema's format ({@code date}, {@code int64}, ...), or null
 * @param pattern the schema's pattern (the whole value must match), or null
 * @param minimum the schema's inclusive minimum, or null
 * @param maximum the schema's inclusive maximum, or null
 * @param allowedValues the schema's enum, empty when any value of the type is allowed
 * @param example the spec's example value, as text, or null
 */
public record OperationParameter(
    String wireName,
    String javaName,
    Role role,
    boolean required,
    String jsonType,
    @Nullable String format,
    @Nullable String pattern,
    @Nullable BigDecimal minimum,
    @Nullable BigDecimal maximum,
    List<String> allowedValues,
    @Nullable String example) {

  /** What a parameter carries, from the spec's boolean role flags on shared parameters. */
  public enum Role {
    /** {@code x-date-range-start}: the first day of a window. */
    DATE_RANGE_START,
    /** {@code x-date-range-end}: the last day of a window. */
    DATE_RANGE_END,
    /** {@code x-hour-range-start}: the first hour of a window. */
    HOUR_RANGE_START,
    /** {@code x-hour-range-end}: the last hour of a window. */
    HOUR_RANGE_END,
    /** {@code x-state-date}: the state day. */
    STATE_DATE,
    /** {@code x-miner-id}: one storage provider. */
    MINER_ID,
    /** {@code x-page-size}: rows per page of a search. */
    PAGE_SIZE,
    /** {@code x-page}: the page number of a search. */
    PAGE,
    /** {@code x-search-filter}: one filter of a search. */
    SEARCH_FILTER,
    /** No role flag: a parameter the client's argument types do not bind; sent absent. */
    UNBOUND
  }

  /** Copies the list of allowed values. */
  public OperationParameter {
    allowedValues = List.copyOf(allowedValues);
  }

  /** The pattern compiled, if the spec gives one. */
  public Optional<Pattern> compiledPattern() {
    return pattern == null ? Optional.empty() : Optional.of(Pattern.compile(pattern));
  }

  /**
   * Whether {@code value} follows this parameter's rules: a string matches the pattern as a whole
   * and is one of the allowed values (when there are any), a number lies within the bounds. Null is
   * accepted (absence is a matter of {@link #required()}); other types are not checked.
   */
  public boolean accepts(@Nullable Object value) {
    if (value instanceof CharSequence text) {
      return (pattern == null || Pattern.compile(pattern).matcher(text).matches())
          && (allowedValues.isEmpty() || allowedValues.contains(text.toString()));
    }
    if (value instanceof Number number) {
      BigDecimal n = new BigDecimal(number.toString());
      return (minimum == null || n.compareTo(minimum) >= 0)
          && (maximum == null || n.compareTo(maximum) <= 0);
    }
    return true;
  }
}
