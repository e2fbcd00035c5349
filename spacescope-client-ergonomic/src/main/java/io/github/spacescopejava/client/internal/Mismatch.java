package io.github.spacescopejava.client.internal;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.jspecify.annotations.Nullable;

/**
 * Says where a success envelope's rows do not match the spec's types, in the caller's terms: the
 * field's path, what the spec expects there and what came ({@code data[0].total_raw_bytes_power:
 * expected a number, got "12x" (a string)}), instead of Jackson's message, which quotes server text
 * unredacted and gives advice meant for mapper authors.
 */
final class Mismatch {
  private Mismatch() {}

  /** {@code data[0].stat_date: expected an RFC 3339 date-time string, got 12 (a number)}. */
  static String describe(JsonNode envelope, Exception cause, Redactor redactor) {
    if (!(cause instanceof JsonMappingException jme) || jme.getPath().isEmpty()) {
      return "a value could not be read as the spec's type ("
          + cause.getClass().getSimpleName()
          + ")";
    }
    StringBuilder path = new StringBuilder();
    JsonNode node = envelope;
    for (JsonMappingException.Reference ref : jme.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) {
          path.append('.');
        }
        path.append(ref.getFieldName());
        node = node == null ? null : node.get(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
        node = node == null ? null : node.get(ref.getIndex());
      }
    }
    Class<?> target = cause instanceof MismatchedInputException mie ? mie.getTargetType() : null;
    return path
        + ": expected "
        + expected(target)
        + ", got "
        + (node == null ? "nothing readable" : got(node, redactor));
  }

  private static String expected(@Nullable Class<?> type) {
    if (type == null) {
      return "the spec's type";
    }
    if (type == java.math.BigDecimal.class
        || type == Double.class
        || type == double.class
        || type == Float.class) {
      return "a number";
    }
    if (type == Long.class
        || type == long.class
        || type == Integer.class
        || type == int.class
        || type == java.math.BigInteger.class) {
      return "a whole number";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
      return "an RFC 3339 date-time string such as 2022-07-01T00:00:00Z";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object (" + type.getSimpleName() + ")";
  }

  private static String got(JsonNode node, Redactor redactor) {
    String kind =
        switch (node.getNodeType()) {
          case STRING -> "a string";
          case NUMBER -> node.isIntegralNumber() ? "a whole number" : "a number";
          case BOOLEAN -> "a boolean";
          case ARRAY -> "an array";
          case OBJECT -> "an object";
          case NULL -> "null";
          default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    String shown = redactor.text(node.toString());
    if (shown != null && shown.length() > 60) {
      shown = shown.substring(0, 60) + "…";
    }
    return node.isNull() ? "null" : shown + " (" + kind + ")";
  }
}
