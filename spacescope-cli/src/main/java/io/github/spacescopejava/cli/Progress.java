package io.github.spacescopejava.cli;

import io.github.spacescopejava.client.event.AttemptAnswered;
import io.github.spacescopejava.client.event.CallPlanned;
import io.github.spacescopejava.client.event.SpaceScopeListener;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * The progress bar of a fetch on stderr: windows done of total, rows so far, elapsed time. Does
 * nothing when switched off (stderr not a terminal, {@code --quiet}, a single request).
 *
 * <p>For {@code fetch} and {@code plot} it is a listener of the client ({@link Connection#listen}):
 * the windows come from the client's own plan ({@link CallPlanned}) and a window is done when the
 * client tells its answer ({@link AttemptAnswered}, with its rows), on the client's worker threads.
 * {@code sync} moves it by the windows it commits instead ({@link #window}).
 */
final class Progress implements AutoCloseable, SpaceScopeListener {
  private final @Nullable ProgressBar bar;
  private final AtomicLong planned = new AtomicLong();
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong rows = new AtomicLong();
  private volatile boolean closed;

  private Progress(@Nullable ProgressBar bar) {
    this.bar = bar;
  }

  static Progress off() {
    return new Progress(null);
  }

  /**
   * A bar for {@code windows} windows, the number the request will need; a client that plans more
   * (a provider's days handed over in slices add up to it) raises the total.
   */
  static Progress on(String task, int windows, PrintStream err) {
    return new Progress(
        new ProgressBarBuilder()
            .setTaskName(task)
            .setInitialMax(windows)
            .setUnit(" windows", 1)
            .setStyle(ProgressBarStyle.ASCII)
            .setConsumer(new ConsoleProgressBarConsumer(err))
            .setUpdateIntervalMillis(200)
            .continuousUpdate()
            .build());
  }

  @Override
  public void callPlanned(CallPlanned event) {
    long total = planned.addAndGet(event.windows().size());
    if (bar != null && !closed && total > bar.getMax()) {
      bar.maxHint(total);
    }
  }

  @Override
  public void attemptAnswered(AttemptAnswered event) {
    long windows = done.incrementAndGet();
    show(windows, rows.addAndGet(event.rows()));
  }

  /** One more window written, with its {@code windowRows} rows; {@code windowsDone} are done. */
  void window(long windowsDone, long windowRows) {
    show(windowsDone, rows.addAndGet(windowRows));
  }

  private void show(long windows, long rowsSoFar) {
    if (bar != null && !closed) {
      // A window the server found too long is answered in halves: never past the total.
      bar.stepTo(Math.min(windows, bar.getMax()));
      bar.setExtraMessage(rowsSoFar + " rows");
    }
  }

  @Override
  public void close() {
    closed = true;
    if (bar != null) {
      bar.close();
    }
  }
}
