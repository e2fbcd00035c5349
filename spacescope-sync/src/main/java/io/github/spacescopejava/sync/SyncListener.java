package io.github.spacescopejava.sync;

import java.time.LocalDate;

/**
 * What a sync reports as it goes, for a progress bar or a log. Called on the thread that runs the
 * sync; the default methods do nothing.
 */
public interface SyncListener {
  /** Called before an operation's first request, with the number of requests it will send. */
  default void planned(String operation, int requests) {}

  /** Called after each committed window: its rows are in the table, its state recorded. */
  default void committed(String operation, LocalDate syncedThrough, long rows) {}

  /** The listener that does nothing. */
  static SyncListener none() {
    return new SyncListener() {};
  }
}
