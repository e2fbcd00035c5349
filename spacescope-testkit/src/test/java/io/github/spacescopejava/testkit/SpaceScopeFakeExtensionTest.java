package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.github.spacescopejava.generated.api.PowerApi;
import io.github.spacescopejava.generated.api.StorageProviderApi;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/**
 * The extension, run with JUnit's EngineTestKit against the fixture classes below. Surefire's
 * default excludes skip nested classes, so the fixtures run only from here. Fixtures report what
 * they saw through {@link TestReporter} rather than through shared state.
 */
class SpaceScopeFakeExtensionTest {
  private static final String PATH = "/v2/power/network_storage_capacity";

  private static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
  }

  private static List<String> reported(EngineExecutionResults results, String key) {
    return results.allEvents().reportingEntryPublished().stream()
        .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs().get(key))
        .filter(v -> v != null)
        .toList();
  }

  @Test
  void annotationRunsOneFakeForTheClassAndInjectsIt() {
    EngineExecutionResults results = run(AnnotatedFixture.class);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(reported(results, "port")).hasSize(2).containsOnly(reported(results, "port").get(0));
    assertFakeStopped(reported(results, "baseUrl").get(0));
  }

  @Test
  void staticRegisteredExtensionRunsOneFakeForTheClassWithItsSettings() {
    EngineExecutionResults results = run(StaticFieldFixture.class);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(reported(results, "port")).hasSize(2).containsOnly(reported(results, "port").get(0));
    assertFakeStopped(reported(results, "baseUrl").get(0));
  }

  @Test
  void instanceFieldExtensionRunsAFakePerTest() {
    EngineExecutionResults results = run(InstanceFieldFixture.class);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    reported(results, "baseUrl").forEach(SpaceScopeFakeExtensionTest::assertFakeStopped);
  }

  @Test
  void scenariosRequestsAndClockAreResetBetweenTests() {
    run(ResetFixture.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
  }

  @Test
  void testsControlTheClock() {
    run(ClockFixture.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void annotationSettingsReachTheFake() {
    run(SettingsFixture.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void fakeIsInjectedIntoConstructorsAndLifecycleMethods() {
    run(InjectionFixture.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
  }

  @Test
  void nestedClassesShareTheFakeOfTheirOuterClass() {
    EngineExecutionResults results = run(NestedFixture.class);

    results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    assertThat(reported(results, "port")).hasSize(2).containsOnly(reported(results, "port").get(0));
  }

  @Test
  void requestThatBreaksTheSpecFailsTheTestWithTheValidatorsReason() {
    EngineExecutionResults results = run(InvalidRequestFixture.class);

    results.testEvents().assertStatistics(s -> s.started(1).failed(1));
    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("sendsAnUnknownParameter"),
                finishedWithFailure(
                    instanceOf(AssertionFailedError.class),
                    message(
                        m ->
                            m.contains("GET " + PATH + "?colour=blue")
                                && m.contains("Query parameter 'colour' is unexpected")
                                && !m.contains(SpaceScopeFake.GUIDE_TOKEN)))));
  }

  @Test
  void requestOutsideTheSpecsPathsFailsTheTest() {
    EngineExecutionResults results = run(UnmatchedRequestFixture.class);

    results
        .testEvents()
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                test("sendsAnUnknownPath"),
                finishedWithFailure(
                    instanceOf(AssertionFailedError.class),
                    message(
                        m -> m.contains("No API path found that matches request '/v2/unknown'")))));
  }

  @Test
  void failingOnBadRequestsCanBeTurnedOff() {
    run(OptOutFixture.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
  }

  private static void assertFakeStopped(String baseUrl) {
    assertThatThrownBy(() -> RawHttp.get(baseUrl, PATH, null))
        .isInstanceOf(UncheckedIOException.class);
  }

  // ---- fixtures: run only through EngineTestKit -----------------------------------------------

  @SpaceScopeFakeTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class AnnotatedFixture {
    @Test
    @Order(1)
    void first(SpaceScopeFake fake, TestReporter reporter) {
      assertThat(Clients.api(PowerApi.class, fake).networkStorageCapacity(null, null).getCode())
          .isZero();
      reporter.publishEntry(Map.of("port", "" + fake.port(), "baseUrl", fake.baseUrl()));
    }

    @Test
    @Order(2)
    void second(SpaceScopeFake fake, TestReporter reporter) {
      reporter.publishEntry("port", "" + fake.port());
    }
  }

  static class StaticFieldFixture {
    @RegisterExtension
    static final SpaceScopeFakeExtension SPACESCOPE =
        SpaceScopeFakeExtension.builder()
            .clock(Instant.parse("2022-07-02T21:00:00Z"))
            .providerPopulation(3)
            .build();

    @Test
    void usesTheBuildersSettings(TestReporter reporter) {
      SpaceScopeFake fake = SPACESCOPE.fake();
      assertThat(fake.latestAvailableDay()).isEqualTo(LocalDate.of(2022, 7, 1));
      assertThat(Clients.api(StorageProviderApi.class, fake).power(null, null).getData())
          .hasSize(3);
      reporter.publishEntry(Map.of("port", "" + fake.port(), "baseUrl", fake.baseUrl()));
    }

    @Test
    void injectsTheSameFake(SpaceScopeFake fake, TestReporter reporter) {
      assertThat(fake).isSameAs(SPACESCOPE.fake());
      reporter.publishEntry("port", "" + fake.port());
    }
  }

  static class InstanceFieldFixture {
    @RegisterExtension
    final SpaceScopeFakeExtension spacescope = SpaceScopeFakeExtension.builder().build();

    @Test
    void one(TestReporter reporter) {
      reporter.publishEntry("baseUrl", spacescope.fake().baseUrl());
    }

    @Test
    void two(SpaceScopeFake fake, TestReporter reporter) {
      assertThat(fake).isSameAs(spacescope.fake());
      reporter.publishEntry("baseUrl", fake.baseUrl());
    }
  }

  @SpaceScopeFakeTest
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class ResetFixture {
    @Test
    @Order(1)
    void changesEverything(SpaceScopeFake fake) {
      fake.given(Scenario.onEveryOperation().always(Fault.errorCode(30003)));
      fake.setClock(Instant.parse("2030-01-01T00:00:00Z"));
      assertThat(Clients.api(PowerApi.class, fake).networkStorageCapacity(null, null).getCode())
          .isEqualTo(30003);
    }

    @Test
    @Order(2)
    void startsClean(SpaceScopeFake fake) {
      assertThat(fake.requests()).isEmpty();
      assertThat(fake.clock().instant()).isEqualTo(SpaceScopeFake.DEFAULT_CLOCK);
      assertThat(Clients.api(PowerApi.class, fake).networkStorageCapacity(null, null).getCode())
          .isZero();
    }
  }

  @SpaceScopeFakeTest(clock = "2022-07-02T20:00:00Z")
  static class ClockFixture {
    @Test
    void publishesDayDAt2100OnDayDPlusOne(SpaceScopeFake fake) {
      PowerApi power = Clients.api(PowerApi.class, fake);
      LocalDate july1 = LocalDate.of(2022, 7, 1);
      assertThat(power.networkStorageCapacity(july1, july1).getCode()).isEqualTo(30004);

      fake.advanceClock(Duration.ofHours(1));
      assertThat(fake.clock().instant()).isEqualTo("2022-07-02T21:00:00Z");
      assertThat(power.networkStorageCapacity(july1, july1).getCode()).isZero();

      fake.setClock(Instant.parse("2022-07-01T00:00:00Z"));
      assertThat(power.networkStorageCapacity(july1, july1).getCode()).isEqualTo(30004);
    }
  }

  @SpaceScopeFakeTest(
      token = "ghp_aTokenOfMyOwn",
      expiredTokens = "ghp_yesterdays",
      clock = "2022-07-02T21:00:00Z",
      providerPopulation = 7,
      dealPopulation = 3)
  static class SettingsFixture {
    @Test
    void seesTheSettings(SpaceScopeFake fake) {
      assertThat(fake.token()).isEqualTo("ghp_aTokenOfMyOwn");
      assertThat(fake.latestAvailableDay()).isEqualTo(LocalDate.of(2022, 7, 1));
      assertThat(Clients.api(StorageProviderApi.class, fake).power(null, null).getData())
          .hasSize(7);
      assertThat(RawHttp.get(fake, "/v2/deals/deal_snapshot?page_size=10&client_id=f01").body())
          .isNotEmpty();
      assertThat(
              RawHttp.json(RawHttp.get(fake, "/v2/deals/deal_snapshot?page_size=10&client_id=f01"))
                  .get("data"))
          .hasSize(3);
      assertThat(RawHttp.get(fake.baseUrl(), PATH, "Bearer ghp_yesterdays").statusCode())
          .isEqualTo(401);
    }
  }

  @SpaceScopeFakeTest
  static class InjectionFixture {
    private final SpaceScopeFake fromConstructor;
    private SpaceScopeFake fromBeforeEach;

    InjectionFixture(SpaceScopeFake fake) {
      this.fromConstructor = fake;
    }

    @BeforeEach
    void setUp(SpaceScopeFake fake) {
      this.fromBeforeEach = fake;
    }

    @Test
    void allTheSame(SpaceScopeFake fake) {
      assertThat(fake).isSameAs(fromConstructor).isSameAs(fromBeforeEach);
    }
  }

  @SpaceScopeFakeTest
  static class NestedFixture {
    @Test
    void outer(SpaceScopeFake fake, TestReporter reporter) {
      reporter.publishEntry("port", "" + fake.port());
    }

    @Nested
    class Inner {
      @Test
      void inner(SpaceScopeFake fake, TestReporter reporter) {
        reporter.publishEntry("port", "" + fake.port());
      }
    }
  }

  @SpaceScopeFakeTest
  static class InvalidRequestFixture {
    @Test
    void sendsAnUnknownParameter(SpaceScopeFake fake) {
      RawHttp.get(fake, PATH + "?colour=blue");
    }
  }

  @SpaceScopeFakeTest
  static class UnmatchedRequestFixture {
    @Test
    void sendsAnUnknownPath(SpaceScopeFake fake) {
      RawHttp.get(fake, "/v2/unknown");
    }
  }

  @SpaceScopeFakeTest(failOnInvalidRequests = false, failOnUnmatchedRequests = false)
  static class OptOutFixture {
    @Test
    void sendsAnUnknownParameter(SpaceScopeFake fake) {
      RawHttp.get(fake, PATH + "?colour=blue");
    }

    @Test
    void sendsAnUnknownPath(SpaceScopeFake fake) {
      RawHttp.get(fake, "/v2/unknown");
    }
  }
}
