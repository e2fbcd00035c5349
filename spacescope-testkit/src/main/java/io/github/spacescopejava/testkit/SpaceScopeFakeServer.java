package io.github.spacescopejava.testkit;

import io.github.spacescopejava.testkit.internal.ApiSpec;
import io.github.spacescopejava.testkit.internal.RecordingProxy;
import io.github.spacescopejava.testkit.internal.ServerOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.FileSystemException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone fake, like stripe-mock: {@code java -jar
 * spacescope-testkit/target/spacescope-testkit-standalone.jar --port 8080}. Serves until the
 * process is stopped; {@code --help} lists the options.
 */
public final class SpaceScopeFakeServer {
  /** Exit code for a bad option or value (listed in {@code --help}). */
  static final int EXIT_USAGE = 2;

  /** Exit code for a server that could not start: port in use, bad address, unreadable spec. */
  static final int EXIT_STARTUP = 3;

  private SpaceScopeFakeServer() {}

  public static void main(String[] args) throws InterruptedException {
    ServerOptions options;
    try {
      options = ServerOptions.parse(args, System::getenv);
    } catch (IllegalArgumentException e) {
      System.err.println("spacescope-fake: " + e.getMessage() + " (see --help)");
      System.exit(EXIT_USAGE);
      return;
    }
    if (options.help()) {
      System.out.print(ServerOptions.HELP);
      return;
    }
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      // No SLF4J binding is shipped: quiet its "no providers" notice rather than print it.
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    AutoCloseable running;
    try {
      running = options.record() != null ? record(options, System.out) : start(options, System.out);
    } catch (IOException | RuntimeException | LinkageError e) {
      System.err.println("spacescope-fake: " + startupProblem(e, options));
      System.exit(EXIT_STARTUP);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    running.close();
                  } catch (Exception e) {
                    System.err.println("spacescope-fake: " + e.getMessage());
                  }
                },
                "spacescope-fake-stop"));
    new CountDownLatch(1).await(); // until the JVM is stopped
  }

  /** Starts the fake the options describe and says where it listens (never the token). */
  static SpaceScopeFake start(ServerOptions options, PrintStream out) {
    SpaceScopeFake.Builder b =
        SpaceScopeFake.builder()
            .port(options.port())
            .bindAddress(options.host())
            .providerPopulation(options.providers())
            .dealPopulation(options.deals())
            .expiredTokens(options.expiredTokens().toArray(String[]::new))
            .requestLogLimit(0); // a long-running server keeps no journal
    if (options.strictWindows()) {
      b.strictWindows();
    }
    if (options.token() != null) {
      b.token(options.token());
    }
    if (options.replay() != null) {
      if (options.replayOnly()) {
        b.replayOnly(options.replay());
      } else {
        b.replay(options.replay());
      }
    }
    if (options.clock() != null) {
      b.clock(options.clock());
    } else {
      b.systemClock();
    }
    SpaceScopeFake fake = b.start();
    out.printf(
        "SpaceScope fake: %d operations on %s (bound to %s), clock %s, token: %s%n",
        ApiSpec.bundled().operations().size(),
        fake.baseUrl(),
        options.host(),
        options.clock() == null ? "system" : options.clock(),
        options.token() == null ? "the API guide's public test token" : "as given (not shown)");
    if (options.replay() != null) {
      out.printf(
          "Replaying the recordings in %s; %s for other requests%n",
          options.replay(), options.replayOnly() ? "HTTP 404" : "synthetic rows");
    }
    return fake;
  }

  /**
   * Starts the recording proxy the options describe (decision D27): every request is forwarded to
   * the target with the caller's token, each answer stored without the token and checked against
   * the spec, the differences printed.
   */
  static RecordingProxy record(ServerOptions options, PrintStream out) throws IOException {
    RecordingProxy proxy =
        RecordingProxy.start(
            options.host(),
            options.port(),
            options.target(),
            options.record(),
            ApiSpec.bundled(),
            out,
            options.token() == null ? List.of() : List.of(options.token()));
    out.printf(
        "SpaceScope recorder on http://%s:%d: forwarding to %s, recording into %s%n",
        options.host(), proxy.port(), options.target(), options.record());
    return proxy;
  }

  /**
   * One line for a server that did not start: what went wrong and what to do about it, never a
   * stack trace (and never the token: no option value but the host and port is repeated).
   */
  static String startupProblem(Throwable failure, ServerOptions options) {
    String where = options.host() + ":" + options.port();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException bind) {
        String reason = String.valueOf(bind.getMessage());
        if (reason.toLowerCase(Locale.ROOT).contains("in use")) {
          return "cannot listen on "
              + where
              + ": the port is already in use. Stop what holds it, or choose another with --port"
              + " (--port 0 picks a free one)";
        }
        return "cannot listen on "
            + where
            + " ("
            + reason
            + "): give --host an address of this machine, such as 127.0.0.1 or 0.0.0.0,"
            + " and --port a port you may open";
      }
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "cannot listen on "
            + where
            + ": the host does not resolve. Give --host an address of this machine, such as"
            + " 127.0.0.1 or 0.0.0.0";
      }
      if (t instanceof FileSystemException file) {
        return "cannot read "
            + file.getFile()
            + " ("
            + (file.getReason() != null ? file.getReason() : file.getClass().getSimpleName())
            + "): check the path and that this user may read it";
      }
      if ((t instanceof IllegalStateException || t instanceof UncheckedIOException)
          && t.getMessage() != null
          && t.getMessage().contains("spec")) {
        return "the SpaceScope spec could not be read ("
            + firstLine(t.getMessage())
            + "): check that the file is the spacescope.yaml of this testkit's version";
      }
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
    return "could not start ("
        + firstLine(message)
        + "). Check --host, --port and the spec; if it persists, report it with this line";
  }

  private static String firstLine(String message) {
    return message.lines().findFirst().orElse("");
  }
}
