package io.github.spacescopejava.testkit.internal;

import io.github.spacescopejava.testkit.Fault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/** What a {@link Fault} puts on the wire. */
final class FaultReplies {
  private FaultReplies() {}

  /**
   * The reply of {@code fault}; {@code normal} is the reply the request would get without it (for
   * faults that damage a normal reply).
   */
  static Reply of(Fault fault, String id, Supplier<Reply> normal) {
    return switch (fault.kind()) {
      case ERROR_CODE ->
          Replies.error(
              fault.code() / 10_000 == 1 ? 401 : 200,
              id,
              fault.code(),
              fault.message() != null ? fault.message() : defaultMessage(fault.code()));
      case CONNECTION_RESET -> new Reply(0, Map.of(), new byte[0], null, Duration.ZERO, true);
      case BAD_GATEWAY_HTML -> Replies.html(502, "502 Bad Gateway");
      case INTERNAL_SERVER_ERROR -> Replies.html(500, "500 Internal Server Error");
      case EMPTY_BODY -> Reply.json(200, new byte[0], null);
      case TRUNCATED_BODY -> {
        Reply whole = normal.get();
        yield new Reply(
            whole.status(),
            whole.headers(),
            Arrays.copyOf(whole.body(), whole.body().length / 2),
            null,
            Duration.ZERO,
            false);
      }
      case TOO_MANY_REQUESTS -> {
        long seconds = (fault.duration().toMillis() + 999) / 1000;
        yield new Reply(
            429,
            Map.of(
                "Content-Type", "text/plain; charset=utf-8", "Retry-After", Long.toString(seconds)),
            "Too Many Requests\n".getBytes(StandardCharsets.UTF_8),
            null,
            Duration.ZERO,
            false);
      }
      case NULL_DATA -> Reply.json(200, Envelopes.success(id, null), 0);
      case LATENCY -> throw new IllegalStateException("latency is not a terminal fault");
    };
  }

  static String defaultMessage(int code) {
    return switch (code) {
      case 10011 -> "token format error: the authorization header must be 'Bearer <token>'";
      case 10012 -> "the token has expired";
      case 30001 -> "forbidden: quota, historical range or API limit reached";
      case 30002 -> "parameters error";
      case 30003 -> "internal server error";
      case 30004 -> "data not ready yet";
      default -> "error " + code;
    };
  }
}
