package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.constraints.AvailableByNow;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Validators of {@link AvailableByNow}, one per range type. "Now" comes from the validator's {@link
 * jakarta.validation.ClockProvider}, never from the system time zone.
 */
public final class AvailableByNowValidator {

  private AvailableByNowValidator() {}

  /** Checks that a {@link DateRange} ends on or before the latest published day. */
  public static final class ForDateRange extends DetailedValidator<AvailableByNow, DateRange> {
    public ForDateRange() {
      super(AvailableByNow.class, AvailableByNow::message);
    }

    @Override
    public boolean isValid(@Nullable DateRange range, ConstraintValidatorContext context) {
      if (range == null) {
        return true;
      }
      LocalDate latest =
          Availability.latestAvailableDay(context.getClockProvider().getClock().instant());
      if (!range.end().isAfter(latest)) {
        return true;
      }
      return violation(
          context,
          "end",
          "end "
              + range.end()
              + " is after the latest available day "
              + latest
              + " (day D is published at 21:00 UTC on D+1); accepted: an end on or before "
              + latest);
    }
  }

  /** Checks that an {@link HourRange} ends on or before the latest published hour. */
  public static final class ForHourRange extends DetailedValidator<AvailableByNow, HourRange> {
    public ForHourRange() {
      super(AvailableByNow.class, AvailableByNow::message);
    }

    @Override
    public boolean isValid(@Nullable HourRange range, ConstraintValidatorContext context) {
      if (range == null) {
        return true;
      }
      Instant latest =
          Availability.latestAvailableHour(context.getClockProvider().getClock().instant());
      if (!range.end().isAfter(latest)) {
        return true;
      }
      return violation(
          context,
          "end",
          "end "
              + HourRange.rfc3339(range.end())
              + " is after the latest available hour "
              + HourRange.rfc3339(latest)
              + " (the hours of day D are published at 21:00 UTC on D+1); accepted: an end on or"
              + " before "
              + HourRange.rfc3339(latest));
    }
  }
}
