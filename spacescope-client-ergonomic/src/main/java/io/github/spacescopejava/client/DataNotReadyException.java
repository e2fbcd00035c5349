package io.github.spacescopejava.client;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The data asked for is not published yet (code 30004). Day D is normally published at 21:00 UTC on
 * day D+1; {@link #expectedAt()} says when the latest day asked for should be ready. Not retried:
 * waiting hours inside a call helps nobody.
 */
public final class DataNotReadyException extends SpaceScopeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable Instant expectedAt;

  /** Creates the exception. */
  public DataNotReadyException(
      String message,
      @Nullable Instant expectedAt,
      RequestContext context,
      @Nullable Throwable cause) {
    super(message, context, cause);
    this.expectedAt = expectedAt;
  }

  /** When the data should be published (21:00 UTC the day after the last day asked for). */
  public java.util.Optional<Instant> expectedAt() {
    return java.util.Optional.ofNullable(expectedAt);
  }
}
