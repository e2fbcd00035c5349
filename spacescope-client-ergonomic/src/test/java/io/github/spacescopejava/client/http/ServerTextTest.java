package io.github.spacescopejava.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.InvalidRequestException;
import io.github.spacescopejava.client.LimitExceededException;
import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.ServerException;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.client.UnexpectedResponseException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What the server says is kept bounded and without credentials, in every place the client keeps it:
 * message, toString, apiMessage, context, and DEBUG log lines.
 */
class ServerTextTest {
  private static final DateRange DAY = DateRange.day(LocalDate.of(2024, 6, 1));

  /** A 30002 whose message is 5,000+ characters and quotes the request's credentials. */
  private static String echoingMessage() {
    return "invalid parameter; request was GET /v2/power/network_storage_capacity"
        + " authorization=Bearer "
        + Clients.TINY_TOKEN
        + " and again "
        + Clients.TINY_TOKEN
        + " "
        + "x".repeat(5000);
  }

  @Test
  void anEchoedTokenAndAHugeMessageAreRedactedAndBoundedEverywhere() throws Exception {
    try (TinyServer server =
            new TinyServer(r -> TinyServer.json(Clients.errorEnvelope(30002, echoingMessage())));
        SpaceScope client = Clients.against(server).build()) {

      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> {
                assertNothingSecretAndBounded(e);
                assertThat(e.apiMessage()).get().asString().contains("invalid parameter");
              });
    }
  }

  @Test
  void theRetryLineLoggedAtDebugCarriesNoTokenEither() throws Exception {
    Logger log = (Logger) LoggerFactory.getLogger("ServerTextTest.debug");
    log.setLevel(Level.DEBUG);
    // Captured only: the DEBUG lines stay out of the build's console.
    log.setAdditive(false);
    SecretsTest.Capture captured = new SecretsTest.Capture();
    captured.start();
    log.addAppender(captured);
    AtomicInteger calls = new AtomicInteger();
    try (TinyServer server =
            new TinyServer(
                r ->
                    calls.incrementAndGet() == 1
                        ? TinyServer.json(Clients.errorEnvelope(30003, echoingMessage()))
                        : TinyServer.json(Clients.capacityRows("2024-06-01")));
        SpaceScope client =
            Clients.against(server).retryPolicy(Clients.FAST_RETRIES).logger(log).build()) {
      assertThat(client.power().networkStorageCapacity(DAY)).hasSize(1);
    } finally {
      log.detachAppender(captured);
    }

    assertThat(captured.events)
        .anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("retrying"));
    assertThat(captured.events)
        .extracting(ILoggingEvent::getFormattedMessage)
        .allSatisfy(
            line -> {
              assertThat(line).doesNotContain(Clients.TINY_TOKEN);
              assertThat(line.length()).isLessThan(1000);
            });
  }

  @Test
  void aNumberSentAsAStringNamesTheFieldWhatWasExpectedAndWhatCame() throws Exception {
    String body =
        "{\"request_id\":\"req-77\",\"code\":0,\"message\":\"success\",\"data\":["
            + "{\"stat_date\":\"2024-06-01T00:00:00Z\",\"total_raw_bytes_power\":\"12x\"}]}";
    try (TinyServer server = new TinyServer(r -> TinyServer.json(body));
        SpaceScope client = Clients.against(server).build()) {

      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOfSatisfying(
              UnexpectedResponseException.class,
              e -> {
                assertThat(e.httpStatus()).hasValue(200);
                assertThat(e.apiCode()).hasValue(0);
                assertThat(e.requestId()).hasValue("req-77");
                assertThat(e.getMessage())
                    .contains(
                        "data[0].total_raw_bytes_power: expected a number, got \"12x\" (a string)")
                    .contains("http=200, code=0, request_id=req-77")
                    .contains("body starts: {\"request_id\":\"req-77\"")
                    .doesNotContainIgnoringCase("coercion");
              });
    }
  }

  @Test
  void aWrongJsonTypeIsNamedToo() throws Exception {
    String body =
        "{\"request_id\":\"req-78\",\"code\":0,\"message\":\"success\",\"data\":["
            + "{\"stat_date\":\"2024-06-01T00:00:00Z\",\"total_raw_bytes_power\":{\"v\":1}}]}";
    try (TinyServer server = new TinyServer(r -> TinyServer.json(body));
        SpaceScope client = Clients.against(server).build()) {

      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOfSatisfying(
              UnexpectedResponseException.class,
              e -> {
                assertThat(e.requestId()).hasValue("req-78");
                assertThat(e.getMessage())
                    .contains("data[0].total_raw_bytes_power: expected a number")
                    .contains("got {\"v\":1} (an object)");
              });
    }
  }

  @Test
  void http429IsARateLimitRetriedUnderThePolicyAndSaysSo() throws Exception {
    try (TinyServer server =
            new TinyServer(r -> new TinyServer.Full(429, Map.of("Retry-After", "0"), "slow down"));
        SpaceScope client =
            Clients.against(server)
                .retryPolicy(
                    RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ZERO).build())
                .build()) {

      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOfSatisfying(
              LimitExceededException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(LimitExceededException.Kind.RATE_LIMIT);
                assertThat(e.getMessage()).contains("HTTP 429").contains("rate limit");
              });
      assertThat(server.received()).hasSize(2);
    }
  }

  @Test
  void code30001IsAQuotaNotRetriedByDefault() throws Exception {
    try (TinyServer server =
            new TinyServer(r -> TinyServer.json(Clients.errorEnvelope(30001, "quota")));
        SpaceScope client = Clients.against(server).retryPolicy(Clients.FAST_RETRIES).build()) {

      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOfSatisfying(
              LimitExceededException.class,
              e -> assertThat(e.kind()).isEqualTo(LimitExceededException.Kind.QUOTA));
      assertThat(server.received()).hasSize(1);
    }
  }

  @Test
  void aGatewayPageWithTheTokenIsAServerExceptionWithoutIt() throws Exception {
    String page =
        "<html>502 upstream said: Authorization: Bearer " + Clients.TINY_TOKEN + "</html>";
    try (TinyServer server = new TinyServer(r -> new TinyServer.Full(502, Map.of(), page));
        SpaceScope client = Clients.against(server).build()) {

      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOfSatisfying(
              ServerException.class, ServerTextTest::assertNothingSecretAndBounded);
    }
  }

  @Test
  void anHttpClientThatThrowsSomethingUnexpectedStillGivesATypedFailure() {
    java.net.http.HttpClient broken =
        new CountingHttpClient() {
          @Override
          public <T> java.net.http.HttpResponse<T> send(
              java.net.http.HttpRequest request,
              java.net.http.HttpResponse.BodyHandler<T> handler) {
            throw new IllegalStateException("a broken HttpClient");
          }
        };
    try (SpaceScope client =
        SpaceScope.builder()
            .baseUrl("http://127.0.0.1:9")
            .token("a-token")
            .clock(Clients.CLOCK)
            .httpClient(broken)
            .build()) {
      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOf(SpaceScopeException.class)
          .hasMessageContaining("IllegalStateException");
    }
  }

  private static void assertNothingSecretAndBounded(SpaceScopeException e) {
    for (String text :
        new String[] {
          e.getMessage(), e.toString(), e.apiMessage().orElse(""), e.context().toString()
        }) {
      assertThat(text).doesNotContain(Clients.TINY_TOKEN);
      assertThat(text.length()).isLessThan(1000);
    }
  }
}
