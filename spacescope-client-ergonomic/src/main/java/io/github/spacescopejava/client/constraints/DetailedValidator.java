package io.github.spacescopejava.client.constraints;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import java.util.function.Function;

/**
 * A validator that replaces its constraint's default message by a detailed one naming the value and
 * what is accepted, unless the user gave a message of their own.
 */
abstract class DetailedValidator<A extends Annotation, T> implements ConstraintValidator<A, T> {
  private final Class<A> annotationType;
  private final Function<A, String> messageOf;
  private String message = "";
  private boolean defaultMessage = true;

  DetailedValidator(Class<A> annotationType, Function<A, String> messageOf) {
    this.annotationType = annotationType;
    this.messageOf = messageOf;
  }

  @Override
  public final void initialize(A annotation) {
    message = messageOf.apply(annotation);
    defaultMessage = ConstraintMessages.isDefault(annotationType, message);
  }

  /** Reports a violation on {@code property} with {@code detail}, or the user's own message. */
  final boolean violation(ConstraintValidatorContext context, String property, RangeDetail detail) {
    return ConstraintMessages.violation(context, defaultMessage, message, property, detail);
  }
}
