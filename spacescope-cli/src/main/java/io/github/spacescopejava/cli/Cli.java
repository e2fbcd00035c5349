package io.github.spacescopejava.cli;

import java.io.PrintStream;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the commands share: the global options, the environment, the streams and the spec. */
final class Cli {
  /** Set by the ./spacescope script: 1 when its stderr is a terminal. */
  static final String STDERR_TTY_ENV = "SPACESCOPE_STDERR_TTY";

  final GlobalOptions global = new GlobalOptions();
  final Map<String, String> environment;
  final PrintStream out;
  final PrintStream err;
  private @Nullable SpecCatalog catalog;

  Cli(Map<String, String> environment, PrintStream out, PrintStream err) {
    this.environment = Map.copyOf(environment);
    this.out = out;
    this.err = err;
  }

  SpecCatalog catalog() {
    if (catalog == null) {
      catalog = SpecCatalog.bundled();
    }
    return catalog;
  }

  EndpointNames names() {
    return new EndpointNames(catalog().operations());
  }

  Connection connect() {
    return Connection.open(global, environment);
  }

  /**
   * Whether to draw a progress bar: not with {@code --quiet}, and only on a terminal. Java 17
   * cannot tell whether stderr alone is a terminal; the script tells ({@value #STDERR_TTY_ENV}),
   * and without it the command draws only when stdin and stdout are a console too.
   */
  boolean progressWanted() {
    if (global.quiet) {
      return false;
    }
    String tty = environment.get(STDERR_TTY_ENV);
    return tty != null ? tty.equals("1") : System.console() != null;
  }

  Progress progress(String task, int windows) {
    return progressWanted() && windows > 1 ? Progress.on(task, windows, err) : Progress.off();
  }
}
