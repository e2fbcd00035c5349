package io.github.spacescopejava.client.constraints;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.HourRange;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * Validators of {@link OnOrAfterMainnet}, one per range type. Public because Bean Validation
 * instantiates them; you do not call them. They use only the ranges' public API.
 */
public final class OnOrAfterMainnetValidator {

  private OnOrAfterMainnetValidator() {}

  /** Checks that a {@link DateRange} starts on or after 2020-08-24. */
  public static final class ForDateRange extends DetailedValidator<OnOrAfterMainnet, DateRange> {
    /** Created by Bean Validation. */
    public ForDateRange() {
      super(OnOrAfterMainnet.class, OnOrAfterMainnet::message);
    }

    @Override
    public boolean isValid(@Nullable DateRange range, ConstraintValidatorContext context) {
      if (range == null || !range.start().isBefore(DateRange.MAINNET_GENESIS)) {
        return true;
      }
      return violation(
          context,
          "start",
          new RangeDetail(
              range.start().toString(),
              "a start on or after " + DateRange.MAINNET_GENESIS,
              "start " + range.start() + " is before Filecoin mainnet genesis"));
    }
  }

  /** Checks that an {@link HourRange} starts on or after 2020-08-24T00:00:00Z. */
  public static final class ForHourRange extends DetailedValidator<OnOrAfterMainnet, HourRange> {
    /** Created by Bean Validation. */
    public ForHourRange() {
      super(OnOrAfterMainnet.class, OnOrAfterMainnet::message);
    }

    @Override
    public boolean isValid(@Nullable HourRange range, ConstraintValidatorContext context) {
      Instant genesis = DateRange.MAINNET_GENESIS.atStartOfDay().toInstant(ZoneOffset.UTC);
      if (range == null || !range.start().isBefore(genesis)) {
        return true;
      }
      return violation(
          context,
          "start",
          new RangeDetail(
              range.start().toString(),
              "a start on or after " + HourRange.rfc3339(genesis),
              "start " + HourRange.rfc3339(range.start()) + " is before Filecoin mainnet genesis"));
    }
  }
}
