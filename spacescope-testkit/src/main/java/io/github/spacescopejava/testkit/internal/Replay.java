package io.github.spacescopejava.testkit.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recorded answers served again (decision D27): a request whose method, path and query equal a
 * recording's gets the recorded status, headers and body; any other request falls back to the
 * synthetic rows or, in replay-only mode, to HTTP 404 with code 30002.
 */
public final class Replay {
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*(-?[0-9]+)");

  private final Map<String, Recording> recordings;
  private final boolean missesNotFound;
  private final Path directory;

  private Replay(Path directory, Map<String, Recording> recordings, boolean missesNotFound) {
    this.directory = directory;
    this.recordings = Map.copyOf(new LinkedHashMap<>(recordings));
    this.missesNotFound = missesNotFound;
  }

  /**
   * Reads the recordings of {@code directory}.
   *
   * @param missesNotFound answer requests without a recording with 404 instead of synthetic rows
   * @throws IllegalArgumentException if the directory is missing or holds a file that is not a
   *     recording
   */
  public static Replay from(Path directory, boolean missesNotFound) {
    return new Replay(directory, Recording.readAll(directory), missesNotFound);
  }

  public int size() {
    return recordings.size();
  }

  /** The recorded answer to {@code request}, a 404 for a miss in replay-only mode, or null. */
  @Nullable Reply answer(IncomingRequest request, String requestId) {
    Recording r = recordings.get(Recording.key(request.method(), request.path(), request.query()));
    if (r != null) {
      Matcher m = CODE.matcher(r.body());
      Integer code = m.find() ? Integer.valueOf(m.group(1)) : null;
      return new Reply(r.status(), r.headers(), r.bodyBytes(), code, Duration.ZERO, false);
    }
    if (missesNotFound) {
      return Reply.json(
          404,
          Envelopes.error(
              requestId,
              30002,
              "no recorded answer for "
                  + request.method()
                  + " "
                  + request.path()
                  + " "
                  + new java.util.TreeMap<>(request.query())
                  + " in "
                  + directory.getFileName()
                  + " (replay only)"),
          30002);
    }
    return null;
  }
}
