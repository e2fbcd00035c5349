package io.github.spacescopejava.cli;

import io.github.spacescopejava.client.InvalidInputException;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.event.AttemptAnswered;
import io.github.spacescopejava.client.event.CallPlanned;
import io.github.spacescopejava.client.event.SpaceScopeListener;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Where the command's requests go: the real API (token from {@code --token} or {@value
 * SpaceScope#TOKEN_ENV}) or, with {@code --fake}, the testkit's fake started in this process.
 */
final class Connection implements AutoCloseable {
  /**
   * What decides which days are published, for the real API and the fake alike: the fake is started
   * with the system clock, so that it serves every day the real API would.
   */
  static final Clock CLOCK = Clock.systemUTC();

  private final @Nullable SpaceScopeFake fake;
  private final String baseUrl;
  private final String token;
  private final Relay relay = new Relay();
  private @Nullable SpaceScope client;

  private Connection(@Nullable SpaceScopeFake fake, String baseUrl, String token) {
    this.fake = fake;
    this.baseUrl = baseUrl;
    this.token = token;
  }

  /**
   * Opens the connection the options ask for. Nothing is sent yet.
   *
   * @throws CliException {@link ExitCode#MISSING_TOKEN} when no token is given for the real API
   */
  static Connection open(GlobalOptions options, Map<String, String> environment) {
    if (options.fake) {
      // With --fake the environment's token is ignored: a real token has no business here.
      SpaceScopeFake fake = SpaceScopeFake.builder().systemClock().start();
      return new Connection(
          fake, fake.baseUrl(), options.token != null ? options.token : fake.token());
    }
    String token = options.token != null ? options.token : environment.get(SpaceScope.TOKEN_ENV);
    if (token == null || token.isBlank()) {
      throw new CliException(
          ExitCode.MISSING_TOKEN,
          "no API token: set "
              + SpaceScope.TOKEN_ENV
              + " (or pass --token); or add --fake to run against the built-in fake");
    }
    String baseUrl = options.baseUrl != null ? options.baseUrl : SpaceScope.DEFAULT_BASE_URL;
    return new Connection(null, baseUrl, token);
  }

  /** The client, built on first use; closed with the connection. */
  SpaceScope client() {
    if (client == null) {
      try {
        client =
            SpaceScope.builder()
                .token(token)
                .baseUrl(baseUrl)
                .clock(CLOCK)
                .logger(LoggerFactory.getLogger("spacescope"))
                .listener(relay)
                .build();
      } catch (InvalidInputException e) {
        throw Failures.of(e);
      }
    }
    return client;
  }

  /**
   * Hands the client's events to {@code listener} (a progress bar) until the returned handle is
   * closed; one listener at a time.
   */
  Listening listen(SpaceScopeListener listener) {
    relay.target = listener;
    return () -> relay.target = Relay.NOBODY;
  }

  /** Stops handing the client's events over. */
  interface Listening extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * The client's listener, built once with the client; it forwards to whoever listens now. Only the
   * events a progress bar uses are forwarded.
   */
  private static final class Relay implements SpaceScopeListener {
    static final SpaceScopeListener NOBODY = new SpaceScopeListener() {};

    volatile SpaceScopeListener target = NOBODY;

    @Override
    public void callPlanned(CallPlanned event) {
      target.callPlanned(event);
    }

    @Override
    public void attemptAnswered(AttemptAnswered event) {
      target.attemptAnswered(event);
    }
  }

  String baseUrl() {
    return baseUrl;
  }

  /** The token; only ever put in an authorization header. */
  String token() {
    return token;
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @Override
  public String toString() {
    return "Connection[" + baseUrl + (fake != null ? ", fake" : "") + ", token=(redacted)]";
  }
}
