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
    if (plain(text)) {
      // The common case (a request id, "success"): nothing for the full path to change.
      return text;
    }
    return full(text);
  }

  /** {@link #text} without the shortcut (for tests, which hold both to the same results). */
  String full(String text) {
    String s = redact(text);
    s = WHITESPACE.matcher(s).replaceAll(" ").strip();
    if (s.length() > LIMIT) {
      s = s.substring(0, LIMIT) + "… (" + text.length() + " characters)";
    }
    return s;
  }

  /**
   * Whether {@link #full} would return {@code text} unchanged: short, no whitespace, no character
   * that a bearer credential's separator needs ({@code %} or {@code +}), and not the token.
   */
  private boolean plain(String text) {
    if (text.length() > LIMIT) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      // RFC 3986's unreserved characters, ':' and '#' (the API's request ids read
      // "3c9078ba-dd89-4b0b-84ce-4035964eac3b#653"); no whitespace, no '%', no '+'.
      if (!unreserved(c) && c != ':' && c != '#') {
        return false;
      }
    }
    return token.isEmpty() || (!text.contains(token) && !text.contains(encodedToken));
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

  /** Whether {@code c} is one of RFC 3986's unreserved characters. */
  static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
