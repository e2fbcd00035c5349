package io.github.spacescopejava.client.constraints;

import io.github.spacescopejava.client.OperationParameter;
import io.github.spacescopejava.client.Operations;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks {@link ApiParameter} against the rules of the operation catalog generated from the spec
 * ({@link Operations#parameter(String)}). Public because Bean Validation instantiates it; you do
 * not call it.
 */
public final class ApiParameterValidator implements ConstraintValidator<ApiParameter, Object> {
  private OperationParameter rule =
      new OperationParameter(
          "",
          "",
          OperationParameter.Role.UNBOUND,
          false,
          "string",
          null,
          null,
          null,
          null,
          List.of(),
          null);
  private @Nullable Pattern pattern;
  private String message = "";

  /** Created by Bean Validation. */
  public ApiParameterValidator() {}

  @Override
  public void initialize(ApiParameter annotation) {
    rule =
        Operations.parameter(annotation.value())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no operation of the spec has a parameter '" + annotation.value() + "'"));
    // Compiled once here, not per value: ProviderId is checked on every construction.
    pattern = rule.compiledPattern().orElse(null);
    message = message(annotation.message(), rule);
  }

  /**
   * {@code template} with {@code {minimum}} and {@code {maximum}} replaced by the rule's bounds.
   */
  static String message(String template, OperationParameter rule) {
    return template
        .replace("{minimum}", plain(rule.minimum()))
        .replace("{maximum}", plain(rule.maximum()));
  }

  @Override
  public boolean isValid(@Nullable Object value, ConstraintValidatorContext context) {
    // The whole value must match: Java's $ would otherwise accept a trailing line break.
    boolean valid =
        value instanceof CharSequence text
            ? (pattern == null || pattern.matcher(text).matches())
                && (rule.allowedValues().isEmpty()
                    || rule.allowedValues().contains(text.toString()))
            : rule.accepts(value);
    if (!valid) {
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(ConstraintMessages.escape(message))
          .addConstraintViolation();
    }
    return valid;
  }

  private static String plain(@Nullable BigDecimal n) {
    return n == null ? "" : n.stripTrailingZeros().toPlainString();
  }
}
