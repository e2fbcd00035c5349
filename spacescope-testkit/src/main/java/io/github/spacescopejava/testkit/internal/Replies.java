package io.github.spacescopejava.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Replies the rules share: the error envelope and a gateway's HTML page. */
final class Replies {
  private Replies() {}

  /** The envelope with a non-zero {@code code} and no data. */
  static Reply error(int status, String id, int code, String message) {
    return Reply.json(status, Envelopes.error(id, code, message), code);
  }

  /** An HTML page such as a gateway in front of the API sends. */
  static Reply html(int status, String title) {
    String page =
        "<html>\r\n<head><title>"
            + title
            + "</title></head>\r\n<body>\r\n<center><h1>"
            + title
            + "</h1></center>\r\n<hr><center>gateway</center>\r\n</body>\r\n</html>\r\n";
    return new Reply(
        status,
        Map.of("Content-Type", "text/html"),
        page.getBytes(StandardCharsets.UTF_8),
        null,
        Duration.ZERO,
        false);
  }
}
