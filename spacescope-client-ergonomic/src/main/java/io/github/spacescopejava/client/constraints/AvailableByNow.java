package io.github.spacescopejava.client.constraints;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The range does not end after the latest published data at the validator's current time. Day D is
 * published at 21:00 UTC on day D+1, hours of day D with it. Applies to {@link
 * io.github.spacescopejava.client.DateRange} and {@link io.github.spacescopejava.client.HourRange}.
 *
 * <p>"Now" is the instant of the validator's {@link jakarta.validation.ClockProvider}, so tests and
 * the client can plug in their own clock:
 *
 * <pre>{@code
 * Validator validator = Validation.byDefaultProvider().configure()
 *     .clockProvider(() -> clock)
 *     .buildValidatorFactory().getValidator();
 * validator.validate(range, AvailabilityChecks.class);
 * }</pre>
 *
 * <p>The client's range types declare this constraint at class level in the group {@link
 * AvailabilityChecks} (Bean Validation requires {@code groups} to default to nothing), so it is
 * checked only when that group is validated. To check it in the default group of a bean of your
 * own, put it on the range-typed field or parameter: {@code @AvailableByNow DateRange period}. With
 * the default message, a violation is reported on the range's property {@code end} ({@code
 * period.end}): "end 2026-11-27 is after the latest available day 2026-11-25 (day D is published at
 * 21:00 UTC on D+1); accepted: an end on or before 2026-11-25".
 */
@Documented
@Constraint(
    validatedBy = {
      AvailableByNowValidator.ForDateRange.class,
      AvailableByNowValidator.ForHourRange.class
    })
@Target({TYPE, FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface AvailableByNow {

  /** The message; the default one is replaced by a detailed one naming the value. */
  String message() default "must not end after the latest published day";

  /** The validation groups; the client's own types use {@link AvailabilityChecks}. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};
}
