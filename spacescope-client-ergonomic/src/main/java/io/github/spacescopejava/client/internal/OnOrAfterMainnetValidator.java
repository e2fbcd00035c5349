package io.github.spacescopejava.client.internal;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.constraints.OnOrAfterMainnet;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Validators of {@link OnOrAfterMainnet}, one per range type. */
public final class OnOrAfterMainnetValidator {

  private OnOrAfterMainnetValidator() {}

  /** Checks that a {@link DateRange} starts on or after 2020-08-24. */
  public static final class ForDateRange
      implements ConstraintValidator<OnOrAfterMainnet, DateRange> {
    private String message = "";
    private boolean defaultMessage = true;

    @Override
    public void initialize(OnOrAfterMainnet annotation) {
      message = annotation.message();
      defaultMessage = ConstraintMessages.isDefault(OnOrAfterMainnet.class, message);
    }

    @Override
    public boolean isValid(@Nullable DateRange range, ConstraintValidatorContext context) {
      if (range == null || !range.start().isBefore(Availability.MAINNET_GENESIS)) {
        return true;
      }
      return ConstraintMessages.violation(
          context,
          defaultMessage,
          message,
          "start",
          "start "
              + range.start()
              + " is before Filecoin mainnet genesis; accepted: a start on or after "
              + Availability.MAINNET_GENESIS);
    }
  }

  /** Checks that an {@link HourRange} starts on or after 2020-08-24T00:00:00Z. */
  public static final class ForHourRange
      implements ConstraintValidator<OnOrAfterMainnet, HourRange> {
    private String message = "";
    private boolean defaultMessage = true;

    @Override
    public void initialize(OnOrAfterMainnet annotation) {
      message = annotation.message();
      defaultMessage = ConstraintMessages.isDefault(OnOrAfterMainnet.class, message);
    }

    @Override
    public boolean isValid(@Nullable HourRange range, ConstraintValidatorContext context) {
      Instant genesis = Availability.firstHourOf(Availability.MAINNET_GENESIS);
      if (range == null || !range.start().isBefore(genesis)) {
        return true;
      }
      return ConstraintMessages.violation(
          context,
          defaultMessage,
          message,
          "start",
          "start "
              + HourRange.rfc3339(range.start())
              + " is before Filecoin mainnet genesis; accepted: a start on or after "
              + HourRange.rfc3339(genesis));
    }
  }
}
