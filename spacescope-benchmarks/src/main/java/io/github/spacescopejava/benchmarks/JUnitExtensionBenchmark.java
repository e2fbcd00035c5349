package io.github.spacescopejava.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One test class with one test, run through the JUnit Platform launcher: with {@code
 * SpaceScopeFakeTest} (the fake starts before the class and stops after it), with WireMock's
 * {@code @WireMockTest}, and with no extension (the engine's own cost). Warm JVM: the figure is the
 * start-up and tear-down each further test class pays.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class JUnitExtensionBenchmark {
  /** Fixture: a test class on the fake. */
  @SpaceScopeFakeTest
  public static class OnTheFake {
    @Test
    void answers(SpaceScopeFake fake) {
      if (fake.port() <= 0) {
        throw new AssertionError("no port");
      }
    }
  }

  /** Fixture: a test class on plain WireMock. */
  @WireMockTest
  public static class OnWireMock {
    @Test
    void answers(WireMockRuntimeInfo wireMock) {
      if (wireMock.getHttpPort() <= 0) {
        throw new AssertionError("no port");
      }
    }
  }

  /** Fixture: a test class without extension. */
  public static class Bare {
    @Test
    void answers() {}
  }

  private Launcher launcher;

  @Setup(Level.Trial)
  public void launcher() {
    launcher = LauncherFactory.create();
  }

  private long run(Class<?> fixture) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(fixture)).build(),
        listener);
    TestExecutionSummary summary = listener.getSummary();
    if (summary.getTestsSucceededCount() != 1 || summary.getTotalFailureCount() != 0) {
      throw new IllegalStateException(
          fixture.getSimpleName()
              + ": "
              + summary.getFailures()
              + " "
              + summary.getTestsFoundCount());
    }
    return summary.getTestsSucceededCount();
  }

  @Benchmark
  public long spaceScopeFakeTest() {
    return run(OnTheFake.class);
  }

  @Benchmark
  public long wireMockTest() {
    return run(OnWireMock.class);
  }

  @Benchmark
  public long bareTestClass() {
    return run(Bare.class);
  }
}
