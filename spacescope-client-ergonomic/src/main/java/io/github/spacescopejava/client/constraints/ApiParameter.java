package io.github.spacescopejava.client.constraints;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The value is one the API accepts for its query parameter {@link #value()}, by the rules the spec
 * states for it (the generated catalog, {@link
 * io.github.spacescopejava.client.Operations#parameter(String)}): a string must match the
 * parameter's pattern as a whole, a number must lie within its minimum and maximum. Null is valid.
 *
 * <pre>{@code
 * record Report(@ApiParameter(value = "miner_id", message = "an ID address such as f01234") String miner) {}
 * }</pre>
 *
 * <p>In {@link #message()}, {@code {minimum}} and {@code {maximum}} stand for the spec's bounds:
 * {@code "1 to {maximum}"} reads "1 to 1000" while the spec says 1000.
 */
@Documented
@Constraint(validatedBy = ApiParameterValidator.class)
@Target({FIELD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface ApiParameter {

  /** The parameter's name on the wire, such as {@code miner_id} or {@code page_size}. */
  String value();

  /** What would be accepted, in words; {@code {minimum}} and {@code {maximum}} are filled in. */
  String message() default "a value the API accepts for this parameter";

  /** The validation groups. */
  Class<?>[] groups() default {};

  /** The payload. */
  Class<? extends Payload>[] payload() default {};
}
