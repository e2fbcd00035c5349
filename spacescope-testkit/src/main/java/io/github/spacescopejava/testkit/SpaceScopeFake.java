package io.github.spacescopejava.testkit;

import io.github.spacescopejava.testkit.internal.ApiSpec;
import io.github.spacescopejava.testkit.internal.FakeClock;
import io.github.spacescopejava.testkit.internal.FakeEngine;
import io.github.spacescopejava.testkit.internal.FakeServer;
import io.github.spacescopejava.testkit.internal.FakeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.jspecify.annotations.Nullable;

/**
 * A running fake SpaceScope: every operation of the spec, served with deterministic synthetic rows
 * and the API's rules, on a local port.
 *
 * <p>In JUnit 5 tests use {@link SpaceScopeFakeTest} or {@link SpaceScopeFakeExtension}, which
 * start, reset and stop it. Elsewhere:
 *
 * <pre>{@code
 * try (SpaceScopeFake fake = SpaceScopeFake.builder().start()) {
 *   PowerApi power = GeneratedClients.create(PowerApi.class, fake.baseUrl(), fake.token());
 *   LocalDate day = fake.latestAvailableDay();
 *   power.networkStorageCapacity(day.minusDays(2), day); // three rows, one per day
 * }
 * }</pre>
 *
 * <p>The clock starts at {@link #DEFAULT_CLOCK} unless told otherwise, so the latest available day
 * is 2024-12-30 (day D is published at 21:00 UTC on D+1); give the client {@link #clock()} so that
 * both sides agree on what "today" is.
 */
public final class SpaceScopeFake implements AutoCloseable {
  /** The public test token printed in the API guide: the valid token unless told otherwise. */
  public static final String GUIDE_TOKEN = "ghp_xJtTSVcNRJINLWMmfDangcIFCjqPUNZenoVe";

  /** Where the clock stands when nothing else is asked: the latest available day is 2024-12-30. */
  public static final Instant DEFAULT_CLOCK = Instant.parse("2025-01-01T00:00:00Z");

  /** Providers returned by a per-provider state-day endpoint without {@code miner_id}. */
  public static final int DEFAULT_PROVIDER_POPULATION = 500;

  /** Deals matched by a deal search without {@code deal_id}. */
  public static final int DEFAULT_DEAL_POPULATION = 250;

  private final FakeEngine engine;
  private final FakeServer server;
  private final String token;
  private final String host;

  private SpaceScopeFake(Builder b, ApiSpec spec, FakeServer server) {
    FakeClock clock =
        b.systemClock
            ? FakeClock.system(spec.publicationDelay())
            : FakeClock.fixedAt(b.clock, spec.publicationDelay());
    this.token = b.token;
    this.host =
        switch (b.bindAddress) {
          case "0.0.0.0", "::", "127.0.0.1", "localhost" -> "127.0.0.1";
          default -> b.bindAddress.contains(":") ? "[" + b.bindAddress + "]" : b.bindAddress;
        };
    this.engine =
        new FakeEngine(
            spec,
            new FakeSettings(
                b.token,
                b.expiredTokens,
                b.providerPopulation,
                b.dealPopulation,
                b.requestLogLimit,
                b.strictWindows),
            clock);
    this.server = server;
    server.serve(engine);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:<port>}: give it to a client in place of https://api.spacescope.io. */
  public String baseUrl() {
    return "http://" + host + ":" + port();
  }

  public int port() {
    return server.port();
  }

  /** The token the fake accepts. Tests pass it to the client; nothing here ever logs it. */
  public String token() {
    return token;
  }

  /**
   * The fake's clock, live: what it returns follows {@link #setClock} and {@link #advanceClock}.
   */
  public Clock clock() {
    return engine.clock();
  }

  /** The latest day whose data the fake serves now (21:00 UTC on D+1 publishes day D). */
  public LocalDate latestAvailableDay() {
    return engine.clock().latestAvailableDay();
  }

  /** Stops the clock at {@code now}. */
  public SpaceScopeFake setClock(Instant now) {
    engine.clock().set(now);
    return this;
  }

  /** Moves the clock forward (or back, with a negative amount). */
  public SpaceScopeFake advanceClock(Duration amount) {
    engine.clock().advance(amount);
    return this;
  }

  /**
   * Adds a scenario: the requests it selects get its fault instead of the normal reply.
   *
   * @throws IllegalArgumentException if the operation is not in the spec, or the error code is not
   *     one the spec documents
   */
  public SpaceScopeFake given(Scenario scenario) {
    engine.addScenario(Objects.requireNonNull(scenario, "scenario"));
    return this;
  }

  /** Removes every scenario. */
  public SpaceScopeFake resetScenarios() {
    engine.clearScenarios();
    return this;
  }

  /** The requests received since the last reset, oldest first. */
  public List<RecordedRequest> requests() {
    return engine.requests();
  }

  /**
   * The requests since the last reset that do not match the spec: an unknown path or method, an
   * unknown parameter, a wrong format, a missing required parameter.
   */
  public List<RecordedRequest> invalidRequests() {
    return engine.invalidRequests();
  }

  public SpaceScopeFake resetRequests() {
    engine.clearRequests();
    server.resetUnmatched();
    return this;
  }

  /** Back to the start: no scenarios, no recorded requests, the clock as it was configured. */
  public SpaceScopeFake reset() {
    engine.clearScenarios();
    engine.clearRequests();
    server.resetUnmatched();
    engine.clock().reset();
    return this;
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop();
  }

  /** Requests WireMock could not match to any stub; the fake's catch-all makes this 0. */
  int unmatchedCount() {
    return server.unmatchedCount();
  }

  @Override
  public String toString() {
    return "SpaceScopeFake["
        + (server.isRunning() ? baseUrl() : "stopped")
        + ", clock "
        + clock().instant()
        + "]";
  }

  /**
   * Configures a fake. Every setting has a default: port 0 (any free port), bound to 127.0.0.1, the
   * guide's token, the clock at {@link #DEFAULT_CLOCK}, 500 providers and 250 deals.
   */
  public static final class Builder {
    private int port;
    private String bindAddress = "127.0.0.1";
    private String token = GUIDE_TOKEN;
    private final Set<String> expiredTokens = new LinkedHashSet<>();
    private Instant clock = DEFAULT_CLOCK;
    private boolean systemClock;
    private int providerPopulation = DEFAULT_PROVIDER_POPULATION;
    private int dealPopulation = DEFAULT_DEAL_POPULATION;
    private int requestLogLimit = 10_000;
    private boolean strictWindows;
    private @Nullable Path specFile;

    private Builder() {}

    /** The port to listen on; 0 (the default) picks a free one. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
      }
      this.port = port;
      return this;
    }

    /** The address to listen on; 127.0.0.1 by default. */
    public Builder bindAddress(String bindAddress) {
      this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
      return this;
    }

    /** The one token the fake accepts. */
    public Builder token(String token) {
      this.token = Objects.requireNonNull(token, "token");
      return this;
    }

    /** Tokens the fake answers with HTTP 401 and code 10012. */
    public Builder expiredTokens(String... tokens) {
      expiredTokens.addAll(Arrays.asList(tokens));
      return this;
    }

    /** Starts the clock stopped at {@code now}. */
    public Builder clock(Instant now) {
      this.clock = Objects.requireNonNull(now, "now");
      this.systemClock = false;
      return this;
    }

    /** Uses the system clock instead of a stopped one. */
    public Builder systemClock() {
      this.systemClock = true;
      return this;
    }

    /** Providers returned by per-provider state-day endpoints without {@code miner_id}. */
    public Builder providerPopulation(int providers) {
      this.providerPopulation = providers;
      return this;
    }

    /** Deals matched by a deal search without {@code deal_id}. */
    public Builder dealPopulation(int deals) {
      this.dealPopulation = deals;
      return this;
    }

    /**
     * Holds day and hour windows to the limit the docs give ({@code x-max-window-days}) instead of
     * the larger window the live server is known to accept ({@code x-accepted-window-days}), the
     * default. Use it to check that a client sends only what the docs promise.
     */
    public Builder strictWindows() {
      this.strictWindows = true;
      return this;
    }

    /**
     * Serves this OpenAPI file instead of the spec inside {@code spacescope-client-generated}: an
     * edited copy of {@code spec/spacescope.yaml}. Its operations, parameters, bounds and vendor
     * extensions ({@code x-max-window-days}, {@code x-requires-one-of}, ...) are the fake's rules.
     */
    public Builder spec(Path specFile) {
      this.specFile = Objects.requireNonNull(specFile, "specFile");
      return this;
    }

    /** How many requests to keep for {@link #requests()}; 0 keeps none. */
    Builder requestLogLimit(int limit) {
      this.requestLogLimit = limit;
      return this;
    }

    private static String readSpec(Path file) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the spec " + file, e);
      }
    }

    /** Starts the fake. */
    public SpaceScopeFake start() {
      // Checked before anything starts, so that a bad setting leaves no server behind.
      new FakeSettings(
          token, expiredTokens, providerPopulation, dealPopulation, requestLogLimit, strictWindows);
      String specText = specFile == null ? null : readSpec(specFile);
      // On a cold JVM the spec takes about as long to parse as Jetty takes to start: overlap them.
      FutureTask<ApiSpec> spec =
          new FutureTask<>(() -> specText == null ? ApiSpec.bundled() : ApiSpec.parse(specText));
      Thread parser = new Thread(spec, "spacescope-fake-spec");
      parser.setDaemon(true);
      parser.start();
      FakeServer server = new FakeServer(bindAddress, port, false);
      server.start();
      try {
        return new SpaceScopeFake(this, spec.get(), server);
      } catch (InterruptedException e) {
        server.stop();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading the SpaceScope spec", e);
      } catch (ExecutionException e) {
        server.stop();
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(e.getCause());
      } catch (RuntimeException e) {
        server.stop();
        throw e;
      }
    }
  }
}
