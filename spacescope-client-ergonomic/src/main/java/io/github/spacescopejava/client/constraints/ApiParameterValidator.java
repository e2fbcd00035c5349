package io.github.spacescopejava.client.constraints;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link ApiParameter} against the spec's rules. Public because Bean Validation instantiates
 * it; you do not call it.
 */
public final class ApiParameterValidator implements ConstraintValidator<ApiParameter, Object> {
  private ApiRules.Rule rule = new ApiRules.Rule(null, null, null);
  private String message = "";

  /** Created by Bean Validation. */
  public ApiParameterValidator() {}

  @Override
  public void initialize(ApiParameter annotation) {
    rule = ApiRules.rule(annotation.value());
    message =
        annotation
            .message()
            .replace("{minimum}", plain(rule.minimum()))
            .replace("{maximum}", plain(rule.maximum()));
  }

  @Override
  public boolean isValid(@Nullable Object value, ConstraintValidatorContext context) {
    boolean valid = true;
    if (value instanceof CharSequence text) {
      // The whole value must match: Java's $ would otherwise accept a trailing line break.
      valid = rule.pattern() == null || rule.pattern().matcher(text).matches();
    } else if (value instanceof Number number) {
      valid = withinBounds(new BigDecimal(number.toString()));
    }
    if (!valid) {
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(ConstraintMessages.escape(message))
          .addConstraintViolation();
    }
    return valid;
  }

  private boolean withinBounds(BigDecimal n) {
    return (rule.minimum() == null || n.compareTo(rule.minimum()) >= 0)
        && (rule.maximum() == null || n.compareTo(rule.maximum()) <= 0);
  }

  private static String plain(@Nullable BigDecimal n) {
    return n == null ? "" : n.stripTrailingZeros().toPlainString();
  }
}
