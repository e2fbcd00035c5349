package io.github.spacescopejava.testkit;

import io.github.spacescopejava.testkit.internal.ApiSpec;
import io.github.spacescopejava.testkit.internal.ServerOptions;
import java.io.PrintStream;
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
    SpaceScopeFake fake = start(options, System.out);
    Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "spacescope-fake-stop"));
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
    return fake;
  }
}
