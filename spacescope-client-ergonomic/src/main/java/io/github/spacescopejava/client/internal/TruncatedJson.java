package io.github.spacescopejava.client.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/**
 * Whether a body is the start of a JSON document that ends before the document does: the parser
 * fails only because the input ran out, as when the connection is cut mid-answer. Jackson reports
 * most such cuts as a {@link JsonEOFException}, but a cut between the entries of an array or an
 * object as a plain parse error, a cut inside {@code true}, {@code false} or {@code null} as an
 * unrecognized token, and a cut right after a number's decimal point as a malformed number; so the
 * test is where the parse stopped, not the exception's type: at the very end of the body, or at a
 * literal or decimal point the body ends in. A gateway page fails at its first byte.
 */
final class TruncatedJson implements Predicate<byte[]> {
  private static final List<String> LITERALS = List.of("true", "false", "null");

  private final ObjectMapper mapper;

  TruncatedJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public boolean test(byte[] body) {
    if (body.length == 0) {
      return false;
    }
    try {
      mapper.readTree(body);
      return false;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      long offset = at == null ? -1 : at.getByteOffset();
      if (offset < 0) {
        return e instanceof JsonEOFException;
      }
      return offset >= body.length || cutLiteral(body, (int) offset) || cutDecimal(body, offset);
    } catch (IOException | RuntimeException other) {
      return false;
    }
  }

  /** Whether the body's bytes from {@code from} to its end are a proper start of a literal. */
  private static boolean cutLiteral(byte[] body, int from) {
    String tail = new String(body, from, body.length - from, StandardCharsets.US_ASCII);
    for (String literal : LITERALS) {
      if (tail.length() < literal.length() && literal.startsWith(tail)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the body ends in a number's decimal point, which Jackson reports at the point. */
  private static boolean cutDecimal(byte[] body, long offset) {
    int last = body.length - 1;
    return offset == last && last > 0 && body[last] == '.' && Character.isDigit(body[last - 1]);
  }
}
