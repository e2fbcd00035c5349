package io.github.spacescopejava.testkit.internal;

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
    boolean help) {

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
        --help                 print this help and exit

      Tokens are never logged.
      """;

  public ServerOptions {
    expiredTokens = List.copyOf(expiredTokens);
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
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    return new ServerOptions(
        port, host, clock, providers, deals, token, expired, strictWindows, help);
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
