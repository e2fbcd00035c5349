package io.github.spacescopejava.client;

import io.github.spacescopejava.client.InvalidInputException.Violation;
import io.github.spacescopejava.client.constraints.ApiParameter;
import io.github.spacescopejava.client.internal.Validators;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A storage provider's mainnet ID address, such as {@code f0110804}: what the API's {@code
 * miner_id} accepts, which the spec states ({@code f0} followed by 1 to 19 ASCII digits; see {@link
 * Operations#parameter(String)}, generated from the spec at build time). Nothing is trimmed or
 * lower-cased: {@code F0123}, {@code " f0123"} and {@code "f0123\n"} are refused, so that a typo
 * surfaces here instead of as an empty answer from the server.
 *
 * @param value the address, such as {@code f0110804}
 */
public record ProviderId(
    @ApiParameter(value = "miner_id", message = ProviderId.ACCEPTED) String value) {

  static final String ACCEPTED = "an ID address: f0 followed by digits, such as f0110804";

  /**
   * Checks the address.
   *
   * @throws InvalidInputException naming {@code minerId} and the value, quoted, if it is not an ID
   *     address
   */
  public ProviderId {
    // The rule lives in the constraint (the spec's, compiled into the catalog); the validator is
    // the JVM's one.
    if (value == null
        || !Validators.plain().validateValue(ProviderId.class, "value", value).isEmpty()) {
      throw new InvalidInputException(new Violation("minerId", quote(value), ACCEPTED));
    }
  }

  /** The provider with ID address {@code value}, such as {@code f0110804}. */
  public static ProviderId of(String value) {
    return new ProviderId(value);
  }

  /** The address itself, such as {@code f0110804}. */
  @Override
  public String toString() {
    return value;
  }

  // A violation shows this much of a value; the rest is counted, not echoed.
  private static final int QUOTE_LIMIT = 128;

  /**
   * The value as it appears in a violation: quoted, with control characters escaped, and cut after
   * 128 characters with the full length said: {@code "f0123456…" (10000 characters)}.
   */
  static String quote(@Nullable String value) {
    if (value == null) {
      return "null";
    }
    int shown = Math.min(value.length(), QUOTE_LIMIT);
    StringBuilder sb = new StringBuilder(shown + 24).append('"');
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> {
          if (Character.isISOControl(c)) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    if (shown < value.length()) {
      return sb.append("…\" (").append(value.length()).append(" characters)").toString();
    }
    return sb.append('"').toString();
  }
}
