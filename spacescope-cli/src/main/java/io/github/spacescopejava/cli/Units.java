package io.github.spacescopejava.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Units for charts, inferred from a field's name and the spec's description: the spec does not
 * declare units, so the rules are few and conservative, and {@code plot --unit} overrides them.
 *
 * <ul>
 *   <li>attoFIL: an integer sent as a string whose description says attoFIL; shown in FIL;
 *   <li>bytes: a name with a {@code bytes}, {@code byte} or {@code power} word, or a piece or
 *       sector size; shown in binary multiples (TiB, PiB, EiB);
 *   <li>FIL: a name with a {@code fil} word ({@code circulating_fil}); shown in FIL;
 *   <li>anything else, including names that carry their own unit ({@code raw_bytes_gb}): a plain
 *       number.
 * </ul>
 */
enum Units {
  BYTES,
  FIL,
  ATTO_FIL,
  NUMBER;

  private static final List<String> OWN_UNIT_SUFFIXES =
      List.of("_gb", "_gib", "_tb", "_tib", "_pib", "_eib", "_pct", "_rate", "_ratio");

  static Units of(Field field) {
    String name = field.name().toLowerCase(Locale.ROOT);
    String description = field.description() == null ? "" : field.description();
    if (field.integerString() && description.contains("attoFIL")) {
      return ATTO_FIL;
    }
    if (OWN_UNIT_SUFFIXES.stream().anyMatch(name::endsWith)) {
      return NUMBER;
    }
    List<String> words = List.of(name.split("_"));
    if (words.contains("bytes")
        || words.contains("byte")
        || words.contains("power")
        || name.endsWith("piece_size")
        || name.equals("sector_size")) {
      return BYTES;
    }
    if (words.contains("fil")) {
      return FIL;
    }
    return NUMBER;
  }

  /** Parses {@code plot --unit}: auto (null), bytes, fil, attofil or number. */
  static Units parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "bytes" -> BYTES;
      case "fil" -> FIL;
      case "attofil" -> ATTO_FIL;
      case "number" -> NUMBER;
      default ->
          throw new CliException(
              ExitCode.BAD_INPUT,
              "--unit '" + text + "' is not a unit; accepted: auto, bytes, fil, attofil, number");
    };
  }

  /** A value in this unit's base (bytes, FIL, the number itself), as a double for drawing. */
  double base(BigDecimal value) {
    return this == ATTO_FIL ? value.movePointLeft(18).doubleValue() : value.doubleValue();
  }

  /** The display scale for values whose largest magnitude (in base units) is {@code max}. */
  Scale scale(double max) {
    double m = Math.abs(max);
    return switch (this) {
      case BYTES -> {
        String[] names = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
        int k = 0;
        while (k < names.length - 1 && m >= Math.pow(1024, k + 1)) {
          k++;
        }
        yield new Scale(Math.pow(1024, k), names[k]);
      }
      case FIL, ATTO_FIL -> decimal(m, "FIL");
      case NUMBER -> decimal(m, "");
    };
  }

  private static Scale decimal(double m, String unit) {
    String[] words = {"", "thousand", "million", "billion", "trillion"};
    int k = 0;
    while (k < words.length - 1 && m >= Math.pow(1000, k + 1) * 10) {
      k++;
    }
    String label = (words[k] + " " + unit).strip();
    return new Scale(Math.pow(1000, k), label);
  }

  /**
   * How values are drawn: divided by {@code divisor}, the axis labelled with {@code label}.
   *
   * @param divisor what a base value is divided by
   * @param label the unit on the axis, such as {@code EiB} or {@code million FIL}; empty for plain
   *     numbers
   */
  record Scale(double divisor, String label) {}
}
