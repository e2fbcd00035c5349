package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.InvalidInputException;
import io.github.spacescopejava.client.InvalidInputException.Violation;
import io.github.spacescopejava.client.constraints.AvailabilityChecks;
import io.github.spacescopejava.client.constraints.RangeDetail;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.groups.Default;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.engine.HibernateConstraintViolation;
import org.jspecify.annotations.Nullable;

/**
 * Checks a call's arguments before any request: nulls, the range constraints (through the
 * validator, with the client's clock), and that dates fit the API's four-digit years. Reports every
 * violation at once, each naming the parameter as the caller wrote it ({@code range.end}, {@code
 * period.start}, or {@code day} for a single-day call).
 */
final class RangeChecks {
  /** The last day the API's RFC 3339 dates can carry (four-digit years). */
  static final LocalDate LAST_WIRE_DAY = LocalDate.of(9999, 12, 31);

  private final Clock clock;
  private final boolean checkAvailability;
  // Made on the first check, not in build(): a client that is built and never called, or built
  // long before its first call, does not pay for starting Bean Validation up front.
  private volatile @Nullable Validator validator;

  RangeChecks(Clock clock, boolean checkAvailability) {
    this.clock = clock;
    this.checkAvailability = checkAvailability;
  }

  private Validator validator() {
    Validator v = validator;
    if (v == null) {
      v = Validators.withClock(clock);
      validator = v;
    }
    return v;
  }

  /** Throws {@link InvalidInputException} naming {@code parameter} if the value is null. */
  static <T> T require(@Nullable T value, String parameter) {
    if (value == null) {
      throw new InvalidInputException(new Violation(parameter, "null", "a non-null value"));
    }
    return value;
  }

  /** Checks a range argument; {@code parameter} is {@code range} or {@code period}. */
  void check(Endpoint e, @Nullable Object range, String parameter) {
    require(range, parameter);
    List<Violation> violations = new ArrayList<>(violations(e, range, parameter));
    LocalDate end =
        range instanceof DateRange d
            ? d.end()
            : LocalDate.ofInstant(((HourRange) range).end(), ZoneOffset.UTC);
    if (end.isAfter(LAST_WIRE_DAY)) {
      violations.add(
          new Violation(
              parameter + ".end",
              range instanceof DateRange d ? d.end().toString() : range.toString(),
              "a day on or before " + LAST_WIRE_DAY + " (the API's dates have four-digit years)"));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
  }

  /** Checks the day of a single-day call, reported as {@code day}. */
  void checkDay(Endpoint e, @Nullable LocalDate day) {
    require(day, "day");
    List<Violation> found = violations(e, DateRange.day(day), "day");
    if (!found.isEmpty()) {
      // A single day has no start or end of its own: name the argument the caller passed.
      throw new InvalidInputException(
          found.stream()
              .map(v -> new Violation("day", day.toString(), asDay(v.accepted(), day)))
              .toList());
    }
    if (day.isAfter(LAST_WIRE_DAY)) {
      throw new InvalidInputException(
          new Violation(
              "day",
              day.toString(),
              "a day on or before " + LAST_WIRE_DAY + " (the API's dates have four-digit years)"));
    }
  }

  // The range constraints speak of a range's start and end; a single day has neither.
  private static String asDay(String accepted, LocalDate day) {
    return accepted
        .replace("an end on or before", "a day on or before")
        .replace("a start on or after", "a day on or after")
        .replace("end " + day + " is after", day + " is after")
        .replace("start " + day + " is before", day + " is before");
  }

  private List<Violation> violations(Endpoint e, Object range, String parameter) {
    Class<?>[] groups =
        checkAvailability && !e.allowsFutureDates()
            ? new Class<?>[] {Default.class, AvailabilityChecks.class}
            : new Class<?>[] {Default.class};
    Set<ConstraintViolation<Object>> found = validator().validate(range, groups);
    return found.stream()
        .sorted(
            Comparator.comparing((ConstraintViolation<Object> v) -> v.getPropertyPath().toString())
                .thenComparing(ConstraintViolation::getMessage))
        .map(v -> violation(parameter, v))
        .toList();
  }

  /**
   * One violation as the caller should read it: {@code range.end: 2025-03-01 is not accepted;
   * accepted: an end on or before 2024-12-31 (end 2025-03-01 is after the latest available day
   * ...)}. The range constraints attach what they found as a {@link RangeDetail}; a constraint
   * without one (a user's own) is reported with its message.
   */
  private static Violation violation(String parameter, ConstraintViolation<Object> v) {
    String property = null;
    for (jakarta.validation.Path.Node node : v.getPropertyPath()) {
      property = node.getName();
    }
    String name = property == null ? parameter : parameter + "." + property;
    // unwrap takes a raw class; the payload is typed by the class passed to getDynamicPayload.
    HibernateConstraintViolation<?> hibernate = v.unwrap(HibernateConstraintViolation.class);
    RangeDetail detail = hibernate.getDynamicPayload(RangeDetail.class);
    if (detail != null) {
      return new Violation(name, detail.value(), detail.accepted() + " (" + detail.reason() + ")");
    }
    return new Violation(name, String.valueOf(v.getInvalidValue()), v.getMessage());
  }
}
