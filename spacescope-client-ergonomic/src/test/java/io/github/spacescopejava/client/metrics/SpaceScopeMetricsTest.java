package io.github.spacescopejava.client.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.spacescopejava.client.AuthenticationException;
import io.github.spacescopejava.client.ClientClosedException;
import io.github.spacescopejava.client.DataNotReadyException;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.InvalidInputException;
import io.github.spacescopejava.client.InvalidRequestException;
import io.github.spacescopejava.client.LimitExceededException;
import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.ServerException;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.client.TransportException;
import io.github.spacescopejava.client.UnexpectedResponseException;
import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.Scenario;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeExtension;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The meters a client records through {@link SpaceScopeMetrics}, after real calls to the fake. */
class SpaceScopeMetricsTest {
  private static final String POWER = "/v2/power/network_storage_capacity";
  private static final String GAS = "/v2/gas/daily_network_fee_breakdown";
  // 200 days: three windows of at most 90 days for the power operation.
  private static final DateRange RANGE =
      DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 7, 18));
  private static final DateRange DAY = DateRange.day(LocalDate.of(2024, 6, 1));
  private static final RetryPolicy FAST =
      RetryPolicy.builder()
          .maxAttempts(3)
          .initialBackoff(Duration.ofMillis(1))
          .maxBackoff(Duration.ofMillis(5))
          .build();

  @RegisterExtension
  static final SpaceScopeFakeExtension FAKE =
      SpaceScopeFakeExtension.builder().clock(Instant.parse("2025-01-02T00:00:00Z")).build();

  private static SpaceScope.Builder client(SpaceScopeFake fake) {
    return SpaceScope.builder()
        .baseUrl(fake.baseUrl())
        .token(fake.token())
        .clock(fake.clock())
        .retryPolicy(FAST);
  }

  @Test
  void requestsRetriesRowsBytesAndApiCodesAreCounted(SpaceScopeFake fake) {
    fake.given(Scenario.on(POWER).once(Fault.internalServerError()));
    fake.given(Scenario.on(GAS).once(Fault.errorCode(30004)));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    int rows;
    Throwable notReady;
    try (SpaceScope spacescope =
        client(fake).listener(SpaceScopeMetrics.of(registry, Tags.of("client", "test"))).build()) {
      rows = spacescope.power().networkStorageCapacity(RANGE).size();
      notReady = catchThrowable(() -> spacescope.gas().dailyNetworkFeeBreakdown(DAY));
    }

    assertThat(rows).isEqualTo(200);
    assertThat(notReady).isInstanceOf(DataNotReadyException.class);
    assertThat(
            registry
                .get("spacescope.requests")
                .tags("operation", POWER, "outcome", "success", "status", "200", "client", "test")
                .timer()
                .count())
        .isEqualTo(3);
    assertThat(
            registry
                .get("spacescope.requests")
                .tags("operation", POWER, "outcome", "server", "status", "500")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("spacescope.retries")
                .tags("operation", POWER, "reason", "server_error")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(registry.get("spacescope.rows").tags("operation", POWER).counter().count())
        .isEqualTo(200);
    var size = registry.get("spacescope.response.size").tags("operation", POWER).summary();
    assertThat(size.count()).isEqualTo(3);
    assertThat(size.totalAmount()).isGreaterThan(200 * 20);
    assertThat(size.getId().getBaseUnit()).isEqualTo("bytes");
    assertThat(
            registry
                .get("spacescope.requests")
                .tags("operation", GAS, "outcome", "data_not_ready", "status", "200")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("spacescope.api.errors")
                .tags("operation", GAS, "code", "30004")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get("spacescope.calls.failed")
                .tags("operation", GAS, "outcome", "data_not_ready")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(registry.find("spacescope.calls.failed").tags("operation", POWER).counter())
        .isNull();
  }

  @Test
  void aQuotaIsCountedByItsCode(SpaceScopeFake fake) {
    fake.given(Scenario.on(POWER).always(Fault.errorCode(30001)));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    try (SpaceScope spacescope = client(fake).listener(SpaceScopeMetrics.of(registry)).build()) {
      assertThat(catchThrowable(() -> spacescope.power().networkStorageCapacity(DAY)))
          .isInstanceOf(LimitExceededException.class);
    }

    assertThat(
            registry
                .get("spacescope.api.errors")
                .tags("operation", POWER, "code", "30001")
                .counter()
                .count())
        .as("30001 is not retried by default: one answer")
        .isEqualTo(1);
    assertThat(registry.find("spacescope.retries").counter()).isNull();
  }

  @Test
  void namesFollowMicrometersConventionsAndNoTagCarriesADateOrTheToken(SpaceScopeFake fake) {
    fake.given(Scenario.on(POWER).once(Fault.tooManyRequests(Duration.ZERO)));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();

    try (SpaceScope spacescope = client(fake).listener(SpaceScopeMetrics.of(registry)).build()) {
      spacescope.power().networkStorageCapacity(RANGE);
      spacescope.power().networkStorageCapacityStream(RANGE).forEach(r -> {});
    }

    List<Meter> meters = registry.getMeters();
    assertThat(meters)
        .extracting(m -> m.getId().getName())
        .contains(
            "spacescope.requests",
            "spacescope.retries",
            "spacescope.rows",
            "spacescope.response.size")
        .allSatisfy(n -> assertThat(n).matches("spacescope(\\.[a-z]+)+"));
    List<Tag> tags = meters.stream().flatMap(m -> m.getId().getTags().stream()).toList();
    assertThat(tags)
        .extracting(Tag::getKey)
        .allSatisfy(k -> assertThat(k).isIn("operation", "outcome", "status", "reason", "code"));
    assertThat(tags)
        .extracting(Tag::getValue)
        .allSatisfy(
            v ->
                assertThat(v)
                    .doesNotMatch(".*\\d{4}-\\d{2}-\\d{2}.*")
                    .doesNotContain(fake.token()));
    assertThat(registry.get("spacescope.retries").tags("reason", "rate_limited").counter().count())
        .isEqualTo(1);
  }

  static Stream<Arguments> outcomes() {
    RequestContext c = new RequestContext(null, null, null, null, null, null, null);
    return Stream.of(
        Arguments.of(new TransportException("x", c, null), "transport"),
        Arguments.of(new ServerException("x", c, null), "server"),
        Arguments.of(
            new LimitExceededException("x", LimitExceededException.Kind.QUOTA, c, null),
            "limit_exceeded"),
        Arguments.of(new DataNotReadyException("x", null, c, null), "data_not_ready"),
        Arguments.of(new InvalidRequestException("x", c, null), "invalid_request"),
        Arguments.of(new AuthenticationException("x", "y", c, null), "authentication"),
        Arguments.of(new UnexpectedResponseException("x", "y", c, null), "unexpected_response"),
        Arguments.of(new ClientClosedException("x", c, null), "client_closed"),
        Arguments.of(
            new InvalidInputException(new InvalidInputException.Violation("a", "b", "c")),
            "invalid_input"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("outcomes")
  void eachKindOfFailureHasItsOutcomeTag(SpaceScopeException e, String outcome) {
    assertThat(SpaceScopeMetrics.outcome(e)).isEqualTo(outcome);
  }
}
