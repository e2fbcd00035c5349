package io.github.spacescopejava.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.TransportException;
import io.github.spacescopejava.client.UnexpectedResponseException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An answer's body is bounded by {@code maxResponseBytes} (decision D44), over a real socket: a
 * server that sends an endless body, or announces a huge one, fails the call with a typed exception
 * that is not retried, and the connection is closed rather than read to the end. The read timeout
 * is set to a day throughout, so that no failure here can be a timeout; the class timeout only
 * guards against a hang.
 */
@Timeout(180)
class ResponseSizeTest {
  private static final LocalDate DAY = LocalDate.of(2024, 6, 1);
  private static final String ENDPOINT = "/v2/power/network_storage_capacity";
  private static final long MIB = 1024 * 1024;
  // Retries that would happen at once if the failure were retried.
  private static final RetryPolicy RETRYING =
      RetryPolicy.builder()
          .maxAttempts(3)
          .initialBackoff(Duration.ofMillis(1))
          .maxBackoff(Duration.ofMillis(5))
          .build();

  private static SpaceScope.Builder client(TinyServer server) {
    return Clients.against(server).readTimeout(Duration.ofDays(1)).retryPolicy(RETRYING);
  }

  private static UnexpectedResponseException callFails(SpaceScope client) {
    Throwable thrown =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> client.power().networkStorageCapacity(DateRange.day(DAY)));
    assertThat(thrown).isExactlyInstanceOf(UnexpectedResponseException.class);
    return (UnexpectedResponseException) thrown;
  }

  @Test
  void anEndlessBodyFailsOnceAtTheLimitAndItsConnectionIsClosed() throws Exception {
    Set<Thread> before = Clients.clientThreads();
    try (TinyServer server = new TinyServer(r -> new TinyServer.Endless())) {
      SpaceScope client = client(server).maxResponseBytes(MIB).build();

      UnexpectedResponseException e = callFails(client);

      assertThat(e.getMessage())
          .startsWith("The answer was larger than the limit of 1048576 bytes: ")
          .contains(" bytes had arrived when the client stopped reading it")
          .contains("maxResponseBytes(...)")
          .contains("Not retried")
          .contains("endpoint=" + ENDPOINT)
          .contains("window=2024-06-01..2024-06-01")
          .doesNotContain(Clients.TINY_TOKEN);
      assertThat(arrived(e)).isGreaterThan(MIB);
      assertThat(e.httpStatus()).hasValue(200);
      assertThat(e.endpoint()).hasValue(ENDPOINT);
      assertThat(e.excerpt()).startsWith(TinyServer.ENDLESS_START);
      // One request, although the policy allows three attempts: the same answer would come again.
      assertThat(server.received()).hasSize(1);
      // The client hung up on the endless body (the server's write failed) while still open: the
      // connection was dropped, neither read to the end nor kept.
      assertThat(Clients.eventually(() -> server.pendingExchanges() == 0))
          .as("the endless answer still being read")
          .isTrue();
      assertThat(Clients.eventually(() -> server.openConnections() == 0))
          .as("connections left open")
          .isTrue();

      client.close();
      assertThat(Clients.eventually(() -> newThreads(before).isEmpty()))
          .as("threads of the client left after close: %s", newThreads(before))
          .isTrue();
    }
  }

  @Test
  void theLimitAppliesToAnHttpClientOfYourOwn() throws Exception {
    HttpClient own = HttpClient.newHttpClient();
    try (TinyServer server = new TinyServer(r -> new TinyServer.Endless());
        SpaceScope client = client(server).httpClient(own).maxResponseBytes(MIB).build()) {

      UnexpectedResponseException e = callFails(client);

      assertThat(e.getMessage()).contains("limit of 1048576 bytes");
      assertThat(server.received()).hasSize(1);
      assertThat(Clients.eventually(() -> server.openConnections() == 0)).isTrue();
    }
  }

  static Stream<Arguments> sizesAroundTheLimit() {
    return Stream.of(
        // framing, bytes of the body relative to the limit, accepted
        Arguments.of("Content-Length", -1, true),
        Arguments.of("Content-Length", 0, true),
        Arguments.of("Content-Length", 1, false),
        Arguments.of("chunked", -1, true),
        Arguments.of("chunked", 0, true),
        Arguments.of("chunked", 1, false));
  }

  @ParameterizedTest(name = "{0}, limit {1} bytes: accepted {2}")
  @MethodSource("sizesAroundTheLimit")
  void aBodyOfExactlyTheLimitIsAcceptedAndOneByteMoreIsRefused(
      String framing, int delta, boolean accepted) throws Exception {
    long limit = MIB;
    long size = limit + delta;
    boolean chunked = framing.equals("chunked");
    String rows = Clients.capacityRows(DAY.toString());
    try (TinyServer server = new TinyServer(r -> new TinyServer.Padded(rows, size, chunked));
        SpaceScope client = client(server).maxResponseBytes(limit).build()) {

      if (accepted) {
        assertThat(client.power().networkStorageCapacity(DateRange.day(DAY)))
            .singleElement()
            .satisfies(row -> assertThat(row.getStatDateAsLocalDate()).isEqualTo(DAY));
      } else {
        UnexpectedResponseException e = callFails(client);
        assertThat(e.getMessage())
            .contains("limit of 1048576 bytes")
            .contains("maxResponseBytes(...)")
            .contains(
                chunked ? "1048577 bytes had arrived" : "announced 1048577 bytes (Content-Length)");
      }
      assertThat(server.received()).hasSize(1);
    }
  }

  @Test
  void aContentLengthOverTheLimitIsRefusedWithoutReadingTheBody() throws Exception {
    // The server announces 10 GB, sends a few bytes and then nothing: a client that waited for the
    // body would wait a day (the read timeout), so the call ending at all shows it did not read.
    try (TinyServer server = new TinyServer(r -> new TinyServer.Announced(10_000_000_000L));
        SpaceScope client = client(server).maxResponseBytes(MIB).build()) {

      UnexpectedResponseException e = callFails(client);

      assertThat(e.getMessage())
          .startsWith(
              "The answer announced 10000000000 bytes (Content-Length), more than the limit of"
                  + " 1048576 bytes: the client read none of it (0 bytes)")
          .contains("maxResponseBytes(...)");
      assertThat(e.excerpt()).isEqualTo("(not read)");
      assertThat(e.httpStatus()).hasValue(200);
      assertThat(server.received()).hasSize(1);
      assertThat(Clients.eventually(() -> server.pendingExchanges() == 0))
          .as("the announced answer still waited for")
          .isTrue();
    }
  }

  @Test
  void anAnswerCutShortOfItsContentLengthIsATransportFailureRetriedLikeAReset() throws Exception {
    String whole =
        "{\"request_id\":\"r\",\"code\":0,\"message\":\"success.\",\"data\":[{\"stat_date\":"
            + "\"2024-06-01T00:00:00Z\"}]}";
    try (TinyServer server = new TinyServer(r -> new TinyServer.CutShort(whole));
        SpaceScope client = client(server).build()) {
      assertThatThrownBy(() -> client.power().networkStorageCapacity(DateRange.day(DAY)))
          .isExactlyInstanceOf(TransportException.class)
          // The JDK's words or the transport's own guard: both name what arrived and was due.
          .hasMessageContaining(String.valueOf(whole.length() / 2))
          .hasMessageContaining(String.valueOf(whole.length()))
          .hasMessageContaining("window=2024-06-01..2024-06-01");
      assertThat(server.received()).as("every attempt of the policy").hasSize(3);
    }
  }

  @Test
  void theDefaultLimitIs64MiB() throws Exception {
    assertThat(SpaceScope.DEFAULT_MAX_RESPONSE_BYTES).isEqualTo(64 * MIB);
    long limit = SpaceScope.DEFAULT_MAX_RESPONSE_BYTES;
    String rows = Clients.capacityRows(DAY.toString());
    try (TinyServer server =
            new TinyServer(
                r ->
                    r.target().contains("2024-06-01")
                        ? new TinyServer.Padded(rows, limit, true)
                        : new TinyServer.Announced(limit + 1));
        SpaceScope client = client(server).build()) {

      // 64 MiB arrive and are read...
      assertThat(client.power().networkStorageCapacity(DateRange.day(DAY))).hasSize(1);
      // ...one byte more is refused, naming the default.
      assertThatThrownBy(
              () -> client.power().networkStorageCapacity(DateRange.day(DAY.plusDays(1))))
          .isExactlyInstanceOf(UnexpectedResponseException.class)
          .hasMessageContaining("announced 67108865 bytes")
          .hasMessageContaining("limit of 67108864 bytes");
    }
  }

  /** The bytes the message says had arrived. */
  private static long arrived(UnexpectedResponseException e) {
    String m = e.getMessage();
    String marker = " bytes had arrived";
    int end = m.indexOf(marker);
    int start = m.lastIndexOf(' ', end - 1) + 1;
    return Long.parseLong(m.substring(start, end));
  }

  private static Set<Thread> newThreads(Set<Thread> before) {
    Set<Thread> now = new HashSet<>(Clients.clientThreads());
    now.removeAll(before);
    return now;
  }
}
