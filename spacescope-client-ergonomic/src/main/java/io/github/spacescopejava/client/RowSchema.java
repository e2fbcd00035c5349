package io.github.spacescopejava.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The fields of one generated model with their getters, generated at build time ({@link
 * RowSchemas}); what {@link Operation#values(Object)} reads a row with, without reflection. On an
 * envelope, {@code resultCodes} are its {@code code} field's {@code x-error-codes}.
 */
record RowSchema(
    List<RowField> fields,
    List<Function<Object, @Nullable Object>> getters,
    Function<Object, @Nullable Map<String, Object>> additional,
    Map<Integer, String> resultCodes) {

  RowSchema {
    fields = List.copyOf(fields);
    getters = List.copyOf(getters);
    resultCodes = Map.copyOf(resultCodes);
  }

  /** An undeclared value as exact as it can be: a floating-point number becomes its decimal. */
  static @Nullable Object exact(@Nullable Object value) {
    if (value instanceof Double || value instanceof Float) {
      return new BigDecimal(value.toString());
    }
    return value;
  }
}
