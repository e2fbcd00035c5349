package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.constraints.OnOrAfterMainnet;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Validators of {@link OnOrAfterMainnet}, one per range type. */
public final class OnOrAfterMainnetValidator {

  private OnOrAfterMainnetValidator() {}

  /** Checks that a {@link DateRange} starts on or after 2020-08-24. */
  public static final class ForDateRange extends DetailedValidator<OnOrAfterMainnet, DateRange> {
    public ForDateRange() {
      super(OnOrAfterMainnet.class, OnOrAfterMainnet::message);
    }

    @Override
    public boolean isValid(@Nullable DateRange range, ConstraintValidatorContext context) {
      if (range == null || !range.start().isBefore(Availability.MAINNET_GENESIS)) {
        return true;
      }
      return violation(
          context,
          "start",
          "start "
              + range.start()
              + " is before Filecoin mainnet genesis; accepted: a start on or after "
              + Availability.MAINNET_GENESIS);
    }
  }

  /** Checks that an {@link HourRange} starts on or after 2020-08-24T00:00:00Z. */
  public static final class ForHourRange extends DetailedValidator<OnOrAfterMainnet, HourRange> {
    public ForHourRange() {
      super(OnOrAfterMainnet.class, OnOrAfterMainnet::message);
    }

    @Override
    public boolean isValid(@Nullable HourRange range, ConstraintValidatorContext context) {
      Instant genesis = Availability.firstHourOf(Availability.MAINNET_GENESIS);
      if (range == null || !range.start().isBefore(genesis)) {
        return true;
      }
      return violation(
          context,
          "start",
          "start "
              + HourRange.rfc3339(range.start())
              + " is before Filecoin mainnet genesis; accepted: a start on or after "
              + HourRange.rfc3339(genesis));
    }
  }
}
