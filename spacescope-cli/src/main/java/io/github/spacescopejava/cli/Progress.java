package io.github.spacescopejava.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * The progress bar of a fetch on stderr: windows done of total, rows so far, elapsed time. Does
 * nothing when switched off (stderr not a terminal, {@code --quiet}, a single request).
 */
final class Progress implements AutoCloseable {
  private final @Nullable ProgressBar bar;
  private long rows;

  private Progress(@Nullable ProgressBar bar) {
    this.bar = bar;
  }

  static Progress off() {
    return new Progress(null);
  }

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

  /** One more row written; {@code windowsDone} windows are complete. */
  void row(long windowsDone) {
    rows++;
    if (bar != null) {
      bar.stepTo(windowsDone);
      bar.setExtraMessage(rows + " rows");
    }
  }

  /** One more window written, with its {@code windowRows} rows; {@code windowsDone} are done. */
  void window(long windowsDone, long windowRows) {
    rows += windowRows;
    if (bar != null) {
      bar.stepTo(windowsDone);
      bar.setExtraMessage(rows + " rows");
    }
  }

  /** Every window is done. */
  void finish(long windows) {
    if (bar != null) {
      bar.stepTo(windows);
      bar.setExtraMessage(rows + " rows");
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
