package io.github.spacescopejava.client;

import io.github.spacescopejava.client.InvalidInputException.Violation;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What to ask one {@link Operation} for, in the form its {@linkplain Operation#shape() shape}
 * takes: a {@link DateRange} (day ranges; state days, one request per day), an {@link HourRange}
 * (hourly ranges), one state day, a {@link ProviderId} with a state day or period (per-provider
 * operations), a {@link DealSearch} (paged searches) or the whole series (operations that answer a
 * request without dates with every row). Given to {@link SpaceScope#fetch(Operation,
 * OperationRequest)} and {@link SpaceScope#stream(Operation, OperationRequest)}, which refuse a
 * request that does not fit the operation before sending anything.
 *
 * <pre>{@code
 * OperationRequest.of(DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)));
 * OperationRequest.day(LocalDate.of(2024, 1, 1)).withProvider(ProviderId.of("f0110804"));
 * OperationRequest.of(DealSearch.builder().dealId(3408838).build());
 * }</pre>
 *
 * <p>Immutable; the factories refuse {@code null} with an {@link InvalidInputException}.
 */
public final class OperationRequest {

  /** What the request carries. */
  public enum Kind {
    /** A period of days ({@link OperationRequest#of(DateRange)}). */
    PERIOD,
    /** A period of hours ({@link OperationRequest#of(HourRange)}). */
    HOURS,
    /** One state day ({@link OperationRequest#day(LocalDate)}). */
    DAY,
    /** A deal search ({@link OperationRequest#of(DealSearch)}). */
    SEARCH,
    /** No dates: the whole series ({@link OperationRequest#wholeSeries()}). */
    WHOLE_SERIES
  }

  private static final OperationRequest WHOLE = new OperationRequest(Kind.WHOLE_SERIES, null, null);

  private final Kind kind;
  private final @Nullable Object value;
  private final @Nullable ProviderId provider;

  private OperationRequest(Kind kind, @Nullable Object value, @Nullable ProviderId provider) {
    this.kind = kind;
    this.value = value;
    this.provider = provider;
  }

  /** Every day of {@code period}: a day range, or one state-day request per day. */
  public static OperationRequest of(DateRange period) {
    return new OperationRequest(Kind.PERIOD, require(period, "period", "a DateRange"), null);
  }

  /** Every hour of {@code hours}, for an hourly operation. */
  public static OperationRequest of(HourRange hours) {
    return new OperationRequest(Kind.HOURS, require(hours, "hours", "an HourRange"), null);
  }

  /** One state day (UTC). */
  public static OperationRequest day(LocalDate day) {
    return new OperationRequest(Kind.DAY, require(day, "day", "a LocalDate (UTC)"), null);
  }

  /** A deal search, walked page by page. */
  public static OperationRequest of(DealSearch search) {
    return new OperationRequest(Kind.SEARCH, require(search, "search", "a DealSearch"), null);
  }

  /** No dates: the whole series, for operations that answer such a request with every row. */
  public static OperationRequest wholeSeries() {
    return WHOLE;
  }

  /**
   * The same request for one storage provider only (per-provider operations, with a day or a
   * period).
   */
  public OperationRequest withProvider(ProviderId provider) {
    return new OperationRequest(kind, value, require(provider, "provider", "a ProviderId"));
  }

  /** What the request carries. */
  public Kind kind() {
    return kind;
  }

  /** The period of days, for {@link Kind#PERIOD}. */
  public Optional<DateRange> period() {
    return value instanceof DateRange r ? Optional.of(r) : Optional.empty();
  }

  /** The period of hours, for {@link Kind#HOURS}. */
  public Optional<HourRange> hours() {
    return value instanceof HourRange r ? Optional.of(r) : Optional.empty();
  }

  /** The state day, for {@link Kind#DAY}. */
  public Optional<LocalDate> day() {
    return value instanceof LocalDate d ? Optional.of(d) : Optional.empty();
  }

  /** The search, for {@link Kind#SEARCH}. */
  public Optional<DealSearch> search() {
    return value instanceof DealSearch s ? Optional.of(s) : Optional.empty();
  }

  /** The storage provider, if the request is for one. */
  public Optional<ProviderId> provider() {
    return Optional.ofNullable(provider);
  }

  /**
   * The request in words, as violations quote it: {@code a period 2024-01-01 to 2024-01-31}, {@code
   * the day 2024-01-01 for provider f01234}, {@code the whole series}.
   */
  @Override
  public String toString() {
    String what =
        switch (kind) {
          case PERIOD ->
              "a period " + ((DateRange) value).start() + " to " + ((DateRange) value).end();
          case HOURS -> "hours " + value;
          case DAY -> "the day " + value;
          case SEARCH -> "a search " + value;
          case WHOLE_SERIES -> "the whole series";
        };
    return provider == null ? what : what + " for provider " + provider;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof OperationRequest other
        && kind == other.kind
        && Objects.equals(value, other.value)
        && Objects.equals(provider, other.provider);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, value, provider);
  }

  private static <T> T require(@Nullable T value, String parameter, String accepted) {
    if (value == null) {
      throw new InvalidInputException(new Violation(parameter, "null", accepted));
    }
    return value;
  }
}
