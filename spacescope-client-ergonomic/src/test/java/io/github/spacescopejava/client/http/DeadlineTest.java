package io.github.spacescopejava.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.TransportException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every attempt has a deadline for its whole answer, and a failed connect names where it went. */
class DeadlineTest {
  private static final DateRange DAY = DateRange.day(LocalDate.of(2024, 6, 1));

  @Test
  void readTimeoutBoundsABodyThatStallsAfterTheHeaders() throws Exception {
    // The server sends headers and the start of a body, then nothing, and never closes: without a
    // deadline for the whole answer the call would wait for good (the preemptive timeout).
    try (TinyServer server = new TinyServer(r -> new TinyServer.StallAfterHeaders());
        SpaceScope client = Clients.against(server).readTimeout(Duration.ofMillis(500)).build()) {

      assertTimeoutPreemptively(
          Duration.ofSeconds(60),
          () -> {
            assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
                .isInstanceOfSatisfying(
                    TransportException.class,
                    e ->
                        assertThat(e.getMessage())
                            .contains("timed out")
                            .contains("readTimeout 500 ms"));
            // The deadline reached the waiting thread; nothing of it is left on that thread.
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
          });
      // The slot and the connection are released: the server sees the client hang up.
      assertThat(Clients.eventually(() -> server.pendingExchanges() == 0)).isTrue();
    }
  }

  @Test
  void aRefusedConnectionNamesTheHostAndPort() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    try (SpaceScope client =
        SpaceScope.builder()
            .baseUrl("http://127.0.0.1:" + port)
            .token("a-token")
            .clock(Clients.CLOCK)
            .retryPolicy(io.github.spacescopejava.client.RetryPolicy.none())
            .build()) {
      assertThatThrownBy(() -> client.power().networkStorageCapacity(DAY))
          .isInstanceOfSatisfying(
              TransportException.class,
              e ->
                  assertThat(e.getMessage())
                      .startsWith("Could not connect to 127.0.0.1:" + port + ": ConnectException"));
    }
  }
}
