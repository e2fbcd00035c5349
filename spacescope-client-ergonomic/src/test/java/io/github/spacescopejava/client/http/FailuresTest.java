package io.github.spacescopejava.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.client.AuthenticationException;
import io.github.spacescopejava.client.DataNotReadyException;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.InvalidRequestException;
import io.github.spacescopejava.client.LimitExceededException;
import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.ServerException;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.client.TestHooks;
import io.github.spacescopejava.client.TransportException;
import io.github.spacescopejava.client.UnexpectedResponseException;
import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.Scenario;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each typed exception, produced by its real trigger on the wire. */
class FailuresTest {
  private static final String PATH = "/v2/power/network_storage_capacity";
  private static final DateRange DAY = DateRange.day(LocalDate.of(2024, 6, 1));

  @RegisterExtension
  static final SpaceScopeFakeExtension FAKE =
      SpaceScopeFakeExtension.builder()
          .clock(Instant.parse("2025-01-02T00:00:00Z"))
          .expiredTokens("an-expired-token")
          .build();

  static Stream<Arguments> faults() {
    return Stream.of(
        // fault, exception, API code (0: none), HTTP status (0: none), attempts (3 = retried)
        Arguments.of(Fault.errorCode(10011), AuthenticationException.class, 10011, 401, 1),
        Arguments.of(Fault.errorCode(10012), AuthenticationException.class, 10012, 401, 1),
        Arguments.of(Fault.errorCode(30001), LimitExceededException.class, 30001, 200, 1),
        Arguments.of(Fault.errorCode(30002), InvalidRequestException.class, 30002, 200, 1),
        Arguments.of(Fault.errorCode(30003), ServerException.class, 30003, 200, 3),
        Arguments.of(Fault.errorCode(30004), DataNotReadyException.class, 30004, 200, 1),
        Arguments.of(Fault.internalServerError(), ServerException.class, 0, 500, 3),
        Arguments.of(Fault.badGatewayHtml(), ServerException.class, 0, 502, 3),
        Arguments.of(Fault.tooManyRequests(Duration.ZERO), LimitExceededException.class, 0, 429, 3),
        Arguments.of(Fault.connectionReset(), TransportException.class, 0, 0, 3),
        Arguments.of(Fault.emptyBody(), UnexpectedResponseException.class, 0, 200, 1),
        Arguments.of(Fault.truncatedBody(), UnexpectedResponseException.class, 0, 200, 3),
        Arguments.of(Fault.nullData(), UnexpectedResponseException.class, 0, 200, 1));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("faults")
  void faultBecomesItsTypedExceptionNamingTheWindow(
      Fault fault,
      Class<? extends SpaceScopeException> type,
      int code,
      int status,
      int attempts,
      SpaceScopeFake fake) {
    fake.given(Scenario.on(PATH).always(fault));
    // Counted where the client hands requests to the JDK HttpClient: its attempts.
    CountingHttpClient transport = new CountingHttpClient();

    try (SpaceScope client = Clients.against(fake).httpClient(transport).build()) {
      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isExactlyInstanceOf(type)
          .satisfies(
              t -> {
                SpaceScopeException e = (SpaceScopeException) t;
                assertThat(e.endpoint()).hasValue(PATH);
                assertThat(e.window()).hasValue("2024-06-01..2024-06-01");
                if (code != 0) {
                  assertThat(e.apiCode()).hasValue(code);
                  assertThat(e.requestId()).isPresent();
                }
                if (status != 0) {
                  assertThat(e.httpStatus()).hasValue(status);
                }
                assertThat(e.getMessage()).doesNotContain(fake.token());
              });
    }
    assertThat(transport.attempts.get()).isEqualTo(attempts);
    // On the wire: the same, except that the JDK resends a GET once by itself when the connection
    // breaks before the first byte of the answer (README, "Attempts on the wire").
    int resentByTheJdk = fault.equals(Fault.connectionReset()) ? 2 : 1;
    assertThat(fake.requests()).hasSize(attempts * resentByTheJdk);
  }

  /**
   * An answer cut short is sent again, whatever its size: the fake cuts each body at its half, so
   * windows of 1 to 90 days cut it at as many places (between entries, inside a string, a number).
   */
  @Test
  void anAnswerCutShortIsRetriedWhereverTheCutFalls(SpaceScopeFake fake) {
    LocalDate start = LocalDate.of(2024, 1, 1);
    try (SpaceScope client = Clients.against(fake).build()) {
      for (int days = 1; days <= 90; days++) {
        DateRange window = DateRange.of(start, start.plusDays(days - 1));
        List<?> whole = client.power().networkStorageCapacity(window);
        fake.resetRequests();
        fake.given(Scenario.on(PATH).once(Fault.truncatedBody()));

        assertThat(client.power().networkStorageCapacity(window)).as("%s", window).isEqualTo(whole);
        assertThat(fake.requests()).as("%s: cut once, then whole", window).hasSize(2);
        fake.resetScenarios();
      }
    }
  }

  @Test
  void expiredTokenRaisesAuthenticationExceptionWithWhatToDo(SpaceScopeFake fake) {
    try (SpaceScope client = Clients.against(fake).token("an-expired-token").build()) {
      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> {
                assertThat(e.apiCode()).hasValue(10012);
                assertThat(e.httpStatus()).hasValue(401);
                assertThat(e.action()).contains("new token");
                assertThat(e.getMessage()).contains(": " + e.action());
                assertThat(e.getMessage()).doesNotContain("an-expired-token");
              });
    }
  }

  @Test
  void dataNotReadySaysWhenToComeBack(SpaceScopeFake fake) {
    fake.given(Scenario.on(PATH).always(Fault.errorCode(30004)));

    try (SpaceScope client = Clients.against(fake).build()) {
      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOfSatisfying(
              DataNotReadyException.class,
              e -> assertThat(e.expectedAt()).hasValue(Instant.parse("2024-06-02T21:00:00Z")));
    }
  }

  @Test
  void notReadyThenReadyIsNotRetriedButSucceedsWhenAskedAgain(SpaceScopeFake fake) {
    fake.given(Scenario.notReadyThenReady(PATH, 1));

    try (SpaceScope client = Clients.against(fake).build()) {
      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOf(DataNotReadyException.class);
      assertThat(client.power().networkStorageCapacity(DAY)).hasSize(1);
    }
    assertThat(fake.requests()).hasSize(2);
  }

  @Test
  void transientFailuresAreRetriedUntilTheySucceed(SpaceScopeFake fake) {
    fake.given(Scenario.on(PATH).times(2, Fault.errorCode(30003)));

    try (SpaceScope client = Clients.against(fake).build()) {
      assertThat(client.power().networkStorageCapacity(DAY)).hasSize(1);
    }
    assertThat(fake.requests()).hasSize(3);
  }

  @Test
  void retryAfterIsHonouredBeforeTheNextAttempt(SpaceScopeFake fake) {
    fake.given(Scenario.on(PATH).once(Fault.tooManyRequests(Duration.ofSeconds(7))));
    List<Duration> waits = new CopyOnWriteArrayList<>();

    // The waits are recorded, not slept: the test observes the exact delay and takes no time.
    try (SpaceScope client = TestHooks.sleeper(Clients.against(fake), waits::add).build()) {
      assertThat(client.power().networkStorageCapacity(DAY)).hasSize(1);
    }

    // The policy's own backoff is at most 5 ms; the server asked for 7 s, a lower bound.
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
    assertThat(fake.requests()).hasSize(2);
  }

  @Test
  void aRetryAfterBeyondTheTimeBudgetEndsTheCallWithoutWaiting(SpaceScopeFake fake) {
    fake.given(Scenario.on(PATH).once(Fault.tooManyRequests(Duration.ofSeconds(60))));
    List<Duration> waits = new CopyOnWriteArrayList<>();

    try (SpaceScope client = TestHooks.sleeper(Clients.against(fake), waits::add).build()) {
      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOf(LimitExceededException.class);
    }

    // FAST_RETRIES allows 10 s in all: waiting 60 s cannot fit, so the call ends at once.
    assertThat(waits).isEmpty();
    assertThat(fake.requests()).hasSize(1);
  }

  @Test
  void backoffWaitsFollowThePolicyExactly(SpaceScopeFake fake) {
    fake.given(Scenario.on(PATH).times(3, Fault.errorCode(30003)));
    List<Duration> waits = new CopyOnWriteArrayList<>();
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxAttempts(4)
            .initialBackoff(Duration.ofMillis(300))
            .multiplier(3)
            .maxBackoff(Duration.ofSeconds(2))
            .jitter(RetryPolicy.Jitter.NONE)
            .build();

    try (SpaceScope client =
        TestHooks.sleeper(Clients.against(fake).retryPolicy(policy), waits::add).build()) {
      assertThat(client.power().networkStorageCapacity(DAY)).hasSize(1);
    }

    assertThat(waits)
        .containsExactly(Duration.ofMillis(300), Duration.ofMillis(900), Duration.ofSeconds(2));
    assertThat(fake.requests()).hasSize(4);
  }

  @Test
  void limitExceededIsRetriedOnlyWhenThePolicySaysSo(SpaceScopeFake fake) {
    fake.given(Scenario.on(PATH).once(Fault.errorCode(30001)));
    RetryPolicy retryLimits = Clients.FAST_RETRIES.toBuilder().retryOnLimitExceeded(true).build();

    try (SpaceScope client = Clients.against(fake).retryPolicy(retryLimits).build()) {
      assertThat(client.power().networkStorageCapacity(DAY)).hasSize(1);
    }
    assertThat(fake.requests()).hasSize(2);
  }

  @Test
  void readTimeoutIsATransportException(SpaceScopeFake fake) {
    fake.given(Scenario.on(PATH).always(Fault.latency(Duration.ofMillis(1500))));

    try (SpaceScope client =
        Clients.against(fake)
            .readTimeout(Duration.ofMillis(200))
            .retryPolicy(RetryPolicy.none())
            .build()) {
      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOfSatisfying(
              TransportException.class, e -> assertThat(e.getMessage()).contains("timed out"));
    }
  }

  @Test
  void windowStillRejectedAsTooLongIsHalvedDownToSingleDays(SpaceScopeFake fake) {
    fake.given(Scenario.on(PATH).always(Fault.errorCode(30002)));
    DateRange fourDays = DateRange.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 4));

    try (SpaceScope client = Clients.against(fake).build()) {
      assertThatThrownBy(() -> client.power().networkStorageCapacity(fourDays))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> assertThat(e.window()).hasValue("2024-06-01..2024-06-01"));
    }
    // 4 days, then 2 + 2, then the first single day fails for good.
    assertThat(fake.requests())
        .extracting(r -> r.queryParameter("start_date") + ".." + r.queryParameter("end_date"))
        .containsExactly(
            "2024-06-01..2024-06-04", "2024-06-01..2024-06-02", "2024-06-01..2024-06-01");
  }

  @Test
  void halvingRecoversWhenTheServerAcceptsSmallerWindows(SpaceScopeFake fake) {
    fake.given(Scenario.on(PATH).once(Fault.errorCode(30002)));
    DateRange fourDays = DateRange.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 4));

    try (SpaceScope client = Clients.against(fake).build()) {
      assertThat(client.power().networkStorageCapacity(fourDays)).hasSize(4);
    }
    assertThat(fake.requests()).hasSize(3);
  }

  @Test
  void aFailedWindowFailsTheWholeCallNamingThatWindow(SpaceScopeFake fake) {
    DateRange twoWindows = DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 1));
    fake.given(Scenario.on(PATH).afterRequests(1).always(Fault.errorCode(30003)));

    try (SpaceScope client = Clients.against(fake).maxConcurrentRequests(1).build()) {
      assertThatThrownBy(() -> client.power().networkStorageCapacity(twoWindows))
          .isInstanceOfSatisfying(
              ServerException.class,
              e -> assertThat(e.window()).hasValue("2024-03-31..2024-06-01"));
    }
  }
}
