package io.github.spacescopejava.sync.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * A table column derived from a row field of the spec, and the exact conversion of a JSON value
 * into it (decision D50). A value that does not fit is never rounded or dropped: {@link #convert}
 * throws {@link Misfit}.
 *
 * @param name the column name, the field's JSON name
 * @param kind the DuckDB type family
 * @param scale the scale of a {@link Kind#DECIMAL} column, 0 otherwise
 */
public record Column(String name, Kind kind, int scale) {
  /** The largest precision of a DuckDB {@code DECIMAL}. */
  public static final int DECIMAL_PRECISION = 38;

  /** How many orders of magnitude above {@code x-typical-magnitude} a decimal column holds. */
  static final int HEADROOM_DIGITS = 8;

  /** The fewest integer digits of a decimal column. */
  static final int MIN_INTEGER_DIGITS = 12;

  /** The scale of a decimal field without {@code x-typical-magnitude}: FIL's 18 decimals. */
  static final int DEFAULT_SCALE = 18;

  private static final BigInteger HUGEINT_MAX = BigInteger.TWO.pow(127).subtract(BigInteger.ONE);
  private static final BigInteger HUGEINT_MIN = BigInteger.TWO.pow(127).negate();

  /** DuckDB type families. */
  public enum Kind {
    DATE,
    TIMESTAMP,
    HUGEINT,
    BIGINT,
    DECIMAL,
    BOOLEAN,
    VARCHAR,
    JSON
  }

  /** The column of a spec field; {@code dayKey} makes a date-time key a {@code DATE}. */
  public static Column of(FieldSpec field, boolean dayKey) {
    String name = field.name();
    if (field.integerString()) {
      return new Column(name, Kind.HUGEINT, 0);
    }
    return switch (field.type()) {
      case "string" -> {
        if ("date".equals(field.format()) || ("date-time".equals(field.format()) && dayKey)) {
          yield new Column(name, Kind.DATE, 0);
        }
        yield new Column(
            name, "date-time".equals(field.format()) ? Kind.TIMESTAMP : Kind.VARCHAR, 0);
      }
      case "integer" ->
          new Column(name, "int64".equals(field.format()) ? Kind.BIGINT : Kind.HUGEINT, 0);
      case "number" ->
          field.wholeNumber()
              ? new Column(name, Kind.HUGEINT, 0)
              : new Column(name, Kind.DECIMAL, scale(field.typicalMagnitude()));
      case "boolean" -> new Column(name, Kind.BOOLEAN, 0);
      default -> new Column(name, Kind.JSON, 0);
    };
  }

  /**
   * The scale of a decimal column: 38 digits, of which the integer part holds a value {@value
   * #HEADROOM_DIGITS} orders of magnitude above the typical one (at least {@value
   * #MIN_INTEGER_DIGITS} digits), the rest decimals.
   */
  static int scale(@Nullable Double typicalMagnitude) {
    if (typicalMagnitude == null || typicalMagnitude == 0) {
      return DEFAULT_SCALE;
    }
    int exponent = (int) Math.floor(Math.log10(Math.abs(typicalMagnitude)));
    int integerDigits = Math.max(MIN_INTEGER_DIGITS, exponent + 1 + HEADROOM_DIGITS);
    return Math.max(0, DECIMAL_PRECISION - integerDigits);
  }

  /** The DuckDB type, such as {@code DECIMAL(38,26)}. */
  public String sqlType() {
    return kind == Kind.DECIMAL ? "DECIMAL(" + DECIMAL_PRECISION + "," + scale + ")" : kind.name();
  }

  /**
   * The value to bind for {@code node}: {@code null}, {@link LocalDate}, a UTC {@link
   * java.time.LocalDateTime}, {@link BigInteger}, {@link Long}, {@link BigDecimal} at the column's
   * scale, {@link Boolean} or {@link String}.
   *
   * @throws Misfit when the value is not exactly representable in the column
   */
  public @Nullable Object convert(@Nullable JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    try {
      return switch (kind) {
        case DATE -> date(node);
        case TIMESTAMP -> timestamp(node).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        case HUGEINT -> hugeint(node);
        case BIGINT -> {
          if (!node.isIntegralNumber() && !node.isNumber()) {
            throw new Misfit("not a number");
          }
          yield node.decimalValue().longValueExact();
        }
        case DECIMAL -> decimal(node);
        case BOOLEAN -> {
          if (!node.isBoolean()) {
            throw new Misfit("not a boolean");
          }
          yield node.booleanValue();
        }
        case VARCHAR -> {
          if (!node.isTextual()) {
            throw new Misfit("not a string");
          }
          yield node.textValue();
        }
        case JSON -> node.toString();
      };
    } catch (ArithmeticException | DateTimeParseException | NumberFormatException e) {
      throw new Misfit(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
  }

  private static LocalDate date(JsonNode node) {
    String text = text(node);
    if (text.length() == 10) {
      return LocalDate.parse(text);
    }
    if (text.length() == 20 && text.endsWith("T00:00:00Z")) {
      // The API's usual form, midnight UTC: the day without parsing an offset date-time.
      return LocalDate.parse(text.substring(0, 10));
    }
    OffsetDateTime t = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
    if (!t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      throw new Misfit("not midnight UTC, so not a day");
    }
    return t.toLocalDate();
  }

  private static OffsetDateTime timestamp(JsonNode node) {
    return OffsetDateTime.parse(text(node));
  }

  private static BigInteger hugeint(JsonNode node) {
    BigInteger value;
    if (node.isTextual()) {
      value = new BigInteger(node.textValue());
    } else if (node.isNumber()) {
      try {
        value = node.decimalValue().toBigIntegerExact();
      } catch (ArithmeticException e) {
        throw new Misfit("not a whole number");
      }
    } else {
      throw new Misfit("not a number");
    }
    if (value.compareTo(HUGEINT_MAX) > 0 || value.compareTo(HUGEINT_MIN) < 0) {
      throw new Misfit("beyond HUGEINT");
    }
    return value;
  }

  private BigDecimal decimal(JsonNode node) {
    if (!node.isNumber()) {
      throw new Misfit("not a number");
    }
    BigDecimal value = node.decimalValue();
    BigDecimal scaled;
    try {
      scaled = value.setScale(scale);
    } catch (ArithmeticException e) {
      throw new Misfit("more than " + scale + " decimals");
    }
    if (scaled.precision() > DECIMAL_PRECISION) {
      throw new Misfit("more than " + (DECIMAL_PRECISION - scale) + " integer digits");
    }
    return scaled;
  }

  private static String text(JsonNode node) {
    if (!node.isTextual()) {
      throw new Misfit("not a string");
    }
    return node.textValue();
  }

  /** A value that its column cannot hold exactly; the message says why. */
  public static final class Misfit extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Misfit(String reason) {
      super(reason);
    }
  }
}
