package io.github.spacescopejava.client.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Makes server text safe to keep: the client's own token (also URL-encoded) and anything shaped
 * like a bearer credential are replaced by {@code [redacted]}, whitespace runs become one space,
 * and the result is cut to {@value #LIMIT} characters. Redaction happens before the cut, so a token
 * is never left half-shown at the edge.
 */
final class Redactor {
  static final int LIMIT = 200;
  // Enough of a body to show its start; more would only be redacted and then cut.
  private static final int BODY_PREFIX = 64 * 1024;
  private static final Pattern BEARER =
      Pattern.compile("(?i)bearer(?:\\s|%20|\\+)+[^\\s\"'`,;&<>]+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final String token;
  private final String encodedToken;

  Redactor(String token) {
    this.token = token;
    this.encodedToken = URLEncoder.encode(token, StandardCharsets.UTF_8);
  }

  /** A bounded, single-line, credential-free version of {@code text}; null stays null. */
  @Nullable String text(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String s = redact(text);
    s = WHITESPACE.matcher(s).replaceAll(" ").strip();
    if (s.length() > LIMIT) {
      s = s.substring(0, LIMIT) + "… (" + text.length() + " characters)";
    }
    return s;
  }

  /** The start of a body as {@link #text}, or {@code (empty)}. */
  String excerpt(byte[] body) {
    String s =
        text(new String(body, 0, Math.min(body.length, BODY_PREFIX), StandardCharsets.UTF_8));
    return s == null || s.isEmpty() ? "(empty)" : s;
  }

  /** {@code text} with the token and bearer credentials replaced, nothing else changed. */
  String redact(String text) {
    String out = BEARER.matcher(text).replaceAll("Bearer [redacted]");
    if (!token.isEmpty()) {
      out = out.replace(token, "[redacted]");
      if (!encodedToken.equals(token)) {
        out = out.replace(encodedToken, "[redacted]");
      }
    }
    return out;
  }
}
