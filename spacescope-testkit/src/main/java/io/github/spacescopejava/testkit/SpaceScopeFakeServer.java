package io.github.spacescopejava.testkit;

import io.github.spacescopejava.testkit.internal.ApiSpec;
import io.github.spacescopejava.testkit.internal.RecordingProxy;
import io.github.spacescopejava.testkit.internal.ServerOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone fake, like stripe-mock: {@code java -jar
 * spacescope-testkit/target/spacescope-testkit-standalone.jar --port 8080}. Serves until the
 * process is stopped; {@code --help} lists the options.
 */
public final class SpaceScopeFakeServer {
  private SpaceScopeFakeServer() {}

  public static void main(String[] args) throws InterruptedException {
    ServerOptions options;
    try {
      options = ServerOptions.parse(args, System::getenv);
    } catch (IllegalArgumentException e) {
      System.err.println("spacescope-fake: " + e.getMessage() + " (see --help)");
      System.exit(2);
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
    } catch (IllegalArgumentException | IOException e) {
      System.err.println("spacescope-fake: " + e.getMessage());
      System.exit(2);
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
}
