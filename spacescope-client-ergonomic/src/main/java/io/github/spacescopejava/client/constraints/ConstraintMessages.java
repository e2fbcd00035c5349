package io.github.spacescopejava.client.constraints;

import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Reports a range constraint's violation with a message that names the value. */
final class ConstraintMessages {

  private ConstraintMessages() {}

  /** Whether {@code message} is the annotation type's default, which we replace with details. */
  static boolean isDefault(Class<? extends Annotation> type, String message) {
    try {
      return message.equals(type.getMethod("message").getDefaultValue());
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type + " has no message()", e);
    }
  }

  /**
   * Replaces the default violation with one on {@code property}: the detailed text when the message
   * is the annotation's default, the caller's own template otherwise.
   */
  static boolean violation(
      ConstraintValidatorContext context,
      boolean defaultMessage,
      String configuredMessage,
      String property,
      RangeDetail detail) {
    if (context instanceof HibernateConstraintValidatorContext hibernate) {
      hibernate.withDynamicPayload(detail);
    }
    context.disableDefaultConstraintViolation();
    context
        .buildConstraintViolationWithTemplate(
            defaultMessage
                ? escape(detail.reason() + "; accepted: " + detail.accepted())
                : configuredMessage)
        .addPropertyNode(property)
        .addConstraintViolation();
    return false;
  }

  // A template treats {, }, $ and \ specially; the detail is literal text.
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '}' || c == '$' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }
}
