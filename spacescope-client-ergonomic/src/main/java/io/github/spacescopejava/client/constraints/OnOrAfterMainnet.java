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
 * The range does not start before Filecoin mainnet genesis, 2020-08-24 (UTC): no SpaceScope data
 * exists for earlier days. Applies to {@link io.github.spacescopejava.client.DateRange} (start on
 * or after 2020-08-24) and {@link io.github.spacescopejava.client.HourRange} (start on or after
 * 2020-08-24T00:00:00Z).
 *
 * <p>The client's range types carry it at class level, in the default group; it may also go on a
 * range-typed field or parameter. With the default message, a violation is reported on the range's
 * property {@code start} and names the value and what is accepted: "start 2020-08-23 is before
 * Filecoin mainnet genesis; accepted: a start on or after 2020-08-24". A {@code message} of your
 * own replaces that text.
 */
@Documented
@Constraint(
    validatedBy = {
      OnOrAfterMainnetValidator.ForDateRange.class,
      OnOrAfterMainnetValidator.ForHourRange.class
    })
@Target({TYPE, FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface OnOrAfterMainnet {

  /** The message; the default one is replaced by a detailed one naming the value. */
  String message() default "must not start before Filecoin mainnet genesis, 2020-08-24";

  /** The validation groups. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};
}
