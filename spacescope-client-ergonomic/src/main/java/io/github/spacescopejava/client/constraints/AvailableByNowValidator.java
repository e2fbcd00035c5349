package io.github.spacescopejava.client.constraints;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.HourRange;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Validators of {@link AvailableByNow}, one per range type. "Now" comes from the validator's {@link
 * jakarta.validation.ClockProvider}, never from the system time zone. Public because Bean
 * Validation instantiates them; you do not call them. They use only the ranges' public API.
 */
public final class AvailableByNowValidator {

  private AvailableByNowValidator() {}

  /** Checks that a {@link DateRange} ends on or before the latest published day. */
  public static final class ForDateRange extends DetailedValidator<AvailableByNow, DateRange> {
    /** Created by Bean Validation. */
    public ForDateRange() {
      super(AvailableByNow.class, AvailableByNow::message);
    }

    @Override
    public boolean isValid(@Nullable DateRange range, ConstraintValidatorContext context) {
      if (range == null) {
        return true;
      }
      LocalDate latest = DateRange.latestAvailableDay(context.getClockProvider().getClock());
      if (!range.end().isAfter(latest)) {
        return true;
      }
      return violation(
          context,
          "end",
          new RangeDetail(
              range.end().toString(),
              "an end on or before " + latest,
              "end "
                  + range.end()
                  + " is after the latest available day "
                  + latest
                  + " (day D is published at 21:00 UTC on D+1)"));
    }
  }

  /** Checks that an {@link HourRange} ends on or before the latest published hour. */
  public static final class ForHourRange extends DetailedValidator<AvailableByNow, HourRange> {
    /** Created by Bean Validation. */
    public ForHourRange() {
      super(AvailableByNow.class, AvailableByNow::message);
    }

    @Override
    public boolean isValid(@Nullable HourRange range, ConstraintValidatorContext context) {
      if (range == null) {
        return true;
      }
      // Every hour of day D is published with D: the latest hour is 23:00 of the latest day.
      Instant latest =
          DateRange.latestAvailableDay(context.getClockProvider().getClock())
              .atTime(23, 0)
              .toInstant(ZoneOffset.UTC);
      if (!range.end().isAfter(latest)) {
        return true;
      }
      return violation(
          context,
          "end",
          new RangeDetail(
              range.end().toString(),
              "an end on or before " + HourRange.rfc3339(latest),
              "end "
                  + HourRange.rfc3339(range.end())
                  + " is after the latest available hour "
                  + HourRange.rfc3339(latest)
                  + " (the hours of day D are published at 21:00 UTC on D+1)"));
    }
  }
}
