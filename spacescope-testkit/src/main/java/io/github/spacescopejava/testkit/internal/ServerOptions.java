package io.github.spacescopejava.testkit.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The command line of the standalone server, parsed. No CLI library: the options are few.
 *
 * @param port the port, 0 for any free one
 * @param host the bind address
 * @param clock where to stop the clock, or null for the system clock
 * @param providers the provider population
 * @param deals the deal population
 * @param token the valid token, or null for the guide's token
 * @param expiredTokens tokens answered with 10012
 * @param strictWindows windows limited to the docs' figure
 * @param help whether to print the help and exit
 * @param record where to store recorded answers (recording mode), or null
 * @param target the base URL recorded from
 * @param replay where to read recorded answers from (replay mode), or null
 * @param replayOnly whether requests without a recording get 404 rather than synthetic rows
 */
public record ServerOptions(
    int port,
    String host,
    @Nullable Instant clock,
    int providers,
    int deals,
    @Nullable String token,
    List<String> expiredTokens,
    boolean strictWindows,
    boolean help,
    @Nullable Path record,
    URI target,
    @Nullable Path replay,
    boolean replayOnly) {

  public static final String HELP =
      """
      Usage: java -jar spacescope-testkit-standalone.jar [options]

      A fake SpaceScope API for integration tests, like stripe-mock: every operation of the
      spec with deterministic synthetic rows, the API's rules (authorization, window limits,
      21:00 UTC publication), and request validation against the spec. Point a client at
      http://127.0.0.1:<port> instead of https://api.spacescope.io. Stop it with Ctrl-C.

      Options:
        --port <n>             port to listen on (default 8080; 0 picks a free one)
        --host <address>       address to bind (default 127.0.0.1; 0.0.0.0 for all interfaces)
        --clock <instant>      stop the clock at an ISO-8601 instant, e.g. 2022-07-02T21:00:00Z;
                               'system' (the default) follows the system clock. Day D is
                               served from 21:00 UTC on D+1.
        --providers <n>        providers returned by per-provider state-day endpoints without
                               miner_id (default 500)
        --deals <n>            deals matched by a deal search without deal_id (default 250)
        --token <token>        the one valid token (default: the API guide's public test token,
                               ghp_xJtTSVcNRJINLWMmfDangcIFCjqPUNZenoVe)
        --token-env <name>     read the valid token from this environment variable instead,
                               which keeps it out of the process list
        --expired-token <t>    answer this token with HTTP 401 and code 10012; repeatable
        --strict-windows       hold date windows to the docs' limit (x-max-window-days)
                               instead of the larger window the live server is known to
                               accept (x-accepted-window-days, the default)
        --record <dir>         recording mode: forward every request to --target with the
                               caller's authorization header, store each answer in <dir>
                               (token removed) and print how it differs from the spec
        --target <url>         the API recorded from (default https://api.spacescope.io);
                               with --record, --token/--token-env name one more secret to keep
                               out of the recordings
        --replay <dir>         serve the answers recorded in <dir> to the requests that match
                               them; synthetic rows for the rest
        --replay-misses <m>    'synthetic' (the default) or 'not-found': HTTP 404 for requests
                               without a recording
        --help                 print this help and exit

      Tokens are never logged.

      Exit codes:
        0   --help, or stopped (Ctrl-C ends the JVM with the usual 130)
        2   a bad option or value; one line on stderr names it
        3   the server could not start (port in use, an address not of this machine, an
            unreadable spec); one line on stderr says what to do
      """;

  public ServerOptions {
    expiredTokens = List.copyOf(expiredTokens);
  }

  /** The options of the fake alone: no recording, no replay. */
  public ServerOptions(
      int port,
      String host,
      @Nullable Instant clock,
      int providers,
      int deals,
      @Nullable String token,
      List<String> expiredTokens,
      boolean strictWindows,
      boolean help) {
    this(
        port,
        host,
        clock,
        providers,
        deals,
        token,
        expiredTokens,
        strictWindows,
        help,
        null,
        RecordingProxy.DEFAULT_TARGET,
        null,
        false);
  }

  /**
   * Parses {@code args}; {@code env} reads environment variables (for {@code --token-env}).
   *
   * @throws IllegalArgumentException with a message for the user
   */
  public static ServerOptions parse(String[] args, UnaryOperator<String> env) {
    int port = 8080;
    String host = "127.0.0.1";
    Instant clock = null;
    int providers = 500;
    int deals = 250;
    String token = null;
    List<String> expired = new ArrayList<>();
    boolean strictWindows = false;
    boolean help = false;
    Path record = null;
    URI target = null;
    Path replay = null;
    boolean replayOnly = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        value = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      switch (arg) {
        case "--help", "-h" -> help = true;
        case "--port" ->
            port = number(arg, value != null ? value : next(args, ++i, arg), 0, 65_535);
        case "--host" -> host = value != null ? value : next(args, ++i, arg);
        case "--clock" -> clock = clock(value != null ? value : next(args, ++i, arg));
        case "--providers" ->
            providers = number(arg, value != null ? value : next(args, ++i, arg), 0, 1_000_000);
        case "--deals" ->
            deals = number(arg, value != null ? value : next(args, ++i, arg), 0, 1_000_000_000);
        case "--token" -> token = value != null ? value : next(args, ++i, arg);
        case "--token-env" -> {
          String name = value != null ? value : next(args, ++i, arg);
          token = env.apply(name);
          if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(
                "--token-env: environment variable " + name + " is not set");
          }
        }
        case "--expired-token" -> expired.add(value != null ? value : next(args, ++i, arg));
        case "--strict-windows" -> strictWindows = true;
        case "--record" -> record = Path.of(value != null ? value : next(args, ++i, arg));
        case "--target" -> target = target(value != null ? value : next(args, ++i, arg));
        case "--replay" -> replay = Path.of(value != null ? value : next(args, ++i, arg));
        case "--replay-misses" ->
            replayOnly =
                switch (value != null ? value : next(args, ++i, arg)) {
                  case "synthetic" -> false;
                  case "not-found" -> true;
                  default ->
                      throw new IllegalArgumentException(
                          "--replay-misses takes 'synthetic' or 'not-found'");
                };
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (record != null && replay != null) {
      throw new IllegalArgumentException("--record and --replay cannot be used together");
    }
    if (target != null && record == null) {
      throw new IllegalArgumentException("--target only applies to --record");
    }
    return new ServerOptions(
        port,
        host,
        clock,
        providers,
        deals,
        token,
        expired,
        strictWindows,
        help,
        record,
        target != null ? target : RecordingProxy.DEFAULT_TARGET,
        replay,
        replayOnly);
  }

  private static URI target(String value) {
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) {
        return uri;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--target needs an http(s) base URL such as https://api.spacescope.io, not '"
            + value
            + "'");
  }

  private static String next(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int number(String option, String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        throw new IllegalArgumentException(
            option + " must be between " + min + " and " + max + ", not " + value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number, not '" + value + "'");
    }
  }

  private static @Nullable Instant clock(String value) {
    if (value.equals("system")) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--clock needs 'system' or an instant such as 2022-07-02T21:00:00Z, not '" + value + "'");
    }
  }
}
