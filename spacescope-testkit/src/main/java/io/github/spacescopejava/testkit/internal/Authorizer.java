package io.github.spacescopejava.testkit.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The authorization rule: {@code authorization: Bearer <token>} with the one valid token. A missing
 * or malformed header gets HTTP 401 and 10011; a token registered as expired, or any other token,
 * 401 and 10012.
 */
final class Authorizer {
  /** RFC 7235: the scheme is case-insensitive (and Jetty may re-case it from its field cache). */
  private static final Pattern BEARER = Pattern.compile("(?i:Bearer) ([^\\s]+)");

  private final FakeSettings settings;

  Authorizer(FakeSettings settings) {
    this.settings = settings;
  }

  /** The refusal of {@code request}, or null when its token is the valid one. */
  @Nullable Reply refuse(IncomingRequest request, String id) {
    String header = request.authorization();
    Matcher m = header == null ? null : BEARER.matcher(header.strip());
    if (m == null || !m.matches()) {
      return Replies.error(
          401, id, 10011, "token format error: the authorization header must be 'Bearer <token>'");
    }
    String token = m.group(1);
    if (settings.expiredTokens().contains(token)) {
      return Replies.error(401, id, 10012, "the token has expired");
    }
    if (!settings.token().equals(token)) {
      return Replies.error(401, id, 10012, "the token is unknown or has expired");
    }
    return null;
  }
}
