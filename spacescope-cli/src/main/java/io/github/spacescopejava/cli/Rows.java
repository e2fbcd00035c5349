package io.github.spacescopejava.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spacescopejava.generated.SpaceScopeJson;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Rows as JSON trees, with every value exact: the client's own Jackson configuration turns a row
 * model (its declared fields and the ones the spec does not know yet) back into the JSON the API
 * sent, numbers as {@code BigDecimal} with their scale kept, printed without exponent.
 */
final class Rows {
  static final ObjectMapper MAPPER =
      SpaceScopeJson.newObjectMapper()
          // "1.50" stays 1.50: a tree would otherwise drop trailing zeros of decimals.
          .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private Rows() {}

  /** A JSON generator that prints decimals in plain notation (never {@code 2.04E+19}). */
  static JsonGenerator generator(Writer out) throws IOException {
    JsonGenerator generator = MAPPER.getFactory().createGenerator(out);
    generator.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return generator;
  }

  static ObjectNode tree(Object row) {
    JsonNode node = MAPPER.valueToTree(row);
    if (!(node instanceof ObjectNode object)) {
      throw new IllegalStateException("a row is not a JSON object: " + node.getNodeType());
    }
    return object;
  }

  /**
   * A value as text for CSV and tables: numbers in plain notation with the scale they came with,
   * strings as they are, nested values as compact JSON, {@code null} and missing values empty.
   */
  static String text(@org.jspecify.annotations.Nullable JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return "";
    }
    if (value.isBigDecimal() || value.isFloatingPointNumber()) {
      return value.decimalValue().toPlainString();
    }
    if (value.isNumber()) {
      return value.bigIntegerValue().toString();
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return String.valueOf(value.booleanValue());
    }
    return value.toString();
  }

  /** The instant of a timestamp field such as {@code stat_date}, if it holds one. */
  static Optional<Instant> instant(
      ObjectNode row, @org.jspecify.annotations.Nullable String field) {
    if (field == null || !row.path(field).isTextual()) {
      return Optional.empty();
    }
    String text = row.get(field).textValue();
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(
            java.time.LocalDate.parse(text).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
      } catch (DateTimeParseException again) {
        return Optional.empty();
      }
    }
  }
}
