package io.github.spacescopejava.sync;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A sync that could not go on. Whatever was committed before it stays committed: the next run goes
 * on from there. {@link #kind()} says what a caller would do about it; {@link #summary()} what the
 * run did before it stopped.
 */
public final class SyncException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the sync stopped. */
  public enum Kind {
    /** Another sync holds the database: wait for it to finish. */
    LOCKED,
    /** The API failed (quota 30001, refused token, network, ...): the cause is the client's. */
    API,
    /** A value does not fit its column, or rows do not fit the table's key: the spec is wrong. */
    ROW,
    /** The database cannot be opened or written: read-only, disk full, not a DuckDB file. */
    DATABASE
  }

  private final Kind kind;
  private final transient @Nullable SyncSummary summary;

  SyncException(
      Kind kind, String message, @Nullable SyncSummary summary, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.summary = summary;
  }

  public Kind kind() {
    return kind;
  }

  /** What the run committed before stopping, and what it left, when it had started. */
  public Optional<SyncSummary> summary() {
    return Optional.ofNullable(summary);
  }
}
