package io.github.spacescopejava.testkit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JUnit 5 extension behind {@link SpaceScopeFakeTest}, also usable on its own, as with
 * WireMock's extension:
 *
 * <pre>{@code
 * @RegisterExtension
 * static SpaceScopeFakeExtension spacescope = SpaceScopeFakeExtension.builder()
 *     .clock(Instant.parse("2022-07-02T21:00:00Z"))
 *     .build();
 *
 * @Test
 * void readsOneDay() {
 *   SpaceScopeFake fake = spacescope.fake();
 *   ...
 * }
 * }</pre>
 *
 * <p>In a static field the fake lives for the test class; in an instance field, for each test.
 * Before each test it resets the fake (scenarios, recorded requests, clock); after each test it
 * fails the test if a request did not match the spec, unless told otherwise. Test methods,
 * constructors and lifecycle methods can declare a {@link SpaceScopeFake} parameter.
 */
public final class SpaceScopeFakeExtension
    implements BeforeAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AfterAllCallback,
        ParameterResolver {
  private static final Logger LOG = LoggerFactory.getLogger(SpaceScopeFakeExtension.class);

  private final @Nullable Builder configured;
  private @Nullable SpaceScopeFake fake;
  private @Nullable String startedBy;
  private boolean failOnInvalid = true;
  private boolean failOnUnmatched = true;

  /** For {@code @ExtendWith} and {@link SpaceScopeFakeTest}: reads the annotation's settings. */
  public SpaceScopeFakeExtension() {
    this.configured = null;
  }

  private SpaceScopeFakeExtension(Builder builder) {
    this.configured = builder;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The running fake. */
  public SpaceScopeFake fake() {
    SpaceScopeFake running = fake;
    if (running == null) {
      throw new IllegalStateException(
          "the SpaceScope fake is not running: it starts before all tests"
              + " (static field, @SpaceScopeFakeTest) or before each test (instance field)");
    }
    return running;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    startIfStopped(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    startIfStopped(context).reset();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    try {
      failOnBadRequests();
    } finally {
      stopIfStartedBy(context);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopIfStartedBy(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SpaceScopeFake.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (fake == null) {
      throw new ParameterResolutionException("the SpaceScope fake is not running yet");
    }
    return fake;
  }

  private synchronized SpaceScopeFake startIfStopped(ExtensionContext context) {
    if (fake != null) {
      return fake;
    }
    long t0 = System.nanoTime();
    Builder settings = configured != null ? configured : fromAnnotation(context);
    failOnInvalid = settings.failOnInvalidRequests;
    failOnUnmatched = settings.failOnUnmatchedRequests;
    SpaceScopeFake started = settings.fake.start();
    fake = started;
    startedBy = context.getUniqueId();
    LOG.debug(
        "SpaceScope fake ready at {} for {} in {} ms",
        started.baseUrl(),
        context.getDisplayName(),
        (System.nanoTime() - t0) / 1_000_000);
    return started;
  }

  private synchronized void stopIfStartedBy(ExtensionContext context) {
    if (fake != null && context.getUniqueId().equals(startedBy)) {
      fake.close();
      fake = null;
      startedBy = null;
    }
  }

  private void failOnBadRequests() {
    SpaceScopeFake running = fake;
    if (running == null) {
      return;
    }
    List<RecordedRequest> bad =
        running.invalidRequests().stream()
            .filter(r -> r.matched() ? failOnInvalid : failOnUnmatched)
            .toList();
    int unmatchedByWireMock = failOnUnmatched ? running.unmatchedCount() : 0;
    if (bad.isEmpty() && unmatchedByWireMock == 0) {
      return;
    }
    String list = bad.stream().map(r -> "  " + r).collect(Collectors.joining("\n"));
    throw new AssertionFailedError(
        "The SpaceScope fake received "
            + (bad.size() + unmatchedByWireMock)
            + " request(s) that do not match the spec (failOnInvalidRequests /"
            + " failOnUnmatchedRequests turn this off):\n"
            + list
            + (unmatchedByWireMock == 0
                ? ""
                : "\n  and " + unmatchedByWireMock + " that matched no stub"));
  }

  private static Builder fromAnnotation(ExtensionContext context) {
    Builder b = builder();
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      var found = AnnotationSupport.findAnnotation(c, SpaceScopeFakeTest.class);
      if (found.isPresent()) {
        SpaceScopeFakeTest a = found.get();
        b.token(a.token())
            .expiredTokens(a.expiredTokens())
            .providerPopulation(a.providerPopulation())
            .dealPopulation(a.dealPopulation())
            .failOnInvalidRequests(a.failOnInvalidRequests())
            .failOnUnmatchedRequests(a.failOnUnmatchedRequests());
        if (a.strictWindows()) {
          b.strictWindows();
        }
        if ("system".equals(a.clock())) {
          b.systemClock();
        } else {
          b.clock(Instant.parse(a.clock()));
        }
        break;
      }
    }
    return b;
  }

  /** Configures the extension; the defaults are those of {@link SpaceScopeFake.Builder}. */
  public static final class Builder {
    private final SpaceScopeFake.Builder fake = SpaceScopeFake.builder();
    private boolean failOnInvalidRequests = true;
    private boolean failOnUnmatchedRequests = true;

    private Builder() {}

    /** A fixed port; by default any free port. */
    public Builder port(int port) {
      fake.port(port);
      return this;
    }

    public Builder token(String token) {
      fake.token(token);
      return this;
    }

    public Builder expiredTokens(String... tokens) {
      fake.expiredTokens(tokens);
      return this;
    }

    /** Where the clock starts (stopped) before each test. */
    public Builder clock(Instant now) {
      fake.clock(Objects.requireNonNull(now, "now"));
      return this;
    }

    public Builder systemClock() {
      fake.systemClock();
      return this;
    }

    public Builder providerPopulation(int providers) {
      fake.providerPopulation(providers);
      return this;
    }

    public Builder dealPopulation(int deals) {
      fake.dealPopulation(deals);
      return this;
    }

    /** Windows limited to the docs' figure; see {@link SpaceScopeFake.Builder#strictWindows()}. */
    public Builder strictWindows() {
      fake.strictWindows();
      return this;
    }

    /** Serves an edited copy of the spec; see {@link SpaceScopeFake.Builder#spec(Path)}. */
    public Builder spec(Path specFile) {
      fake.spec(specFile);
      return this;
    }

    /** Whether a request that breaks the spec fails the test (default true). */
    public Builder failOnInvalidRequests(boolean fail) {
      this.failOnInvalidRequests = fail;
      return this;
    }

    /** Whether a request to a path or method outside the spec fails the test (default true). */
    public Builder failOnUnmatchedRequests(boolean fail) {
      this.failOnUnmatchedRequests = fail;
      return this;
    }

    public SpaceScopeFakeExtension build() {
      return new SpaceScopeFakeExtension(this);
    }
  }
}
