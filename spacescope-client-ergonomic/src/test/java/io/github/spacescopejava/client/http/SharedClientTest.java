package io.github.spacescopejava.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import feign.Client;
import feign.Request;
import feign.Response;
import feign.http2client.Http2Client;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeExtension;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SharedClientTest {
  @RegisterExtension
  static final SpaceScopeFakeExtension FAKE =
      SpaceScopeFakeExtension.builder().clock(Instant.parse("2025-01-02T00:00:00Z")).build();

  /** Counts requests in flight through the transport. */
  static final class CountingClient implements Client {
    private final Client delegate = new Http2Client();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
      attempts.incrementAndGet();
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        return delegate.execute(request, options);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  @Test
  void sixteenThreadsShareOneClientWithinItsConcurrencyLimit(SpaceScopeFake fake) throws Exception {
    CountingClient transport = new CountingClient();
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try (SpaceScope client =
        Clients.against(fake).transport(transport).maxConcurrentRequests(4).build()) {
      List<Future<List<NetworkStorageCapacityRow>>> results = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        LocalDate start = LocalDate.of(2023, 1, 1).plusDays(i * 7L);
        DateRange range = DateRange.of(start, start.plusDays(199));
        Callable<List<NetworkStorageCapacityRow>> call =
            () -> client.power().networkStorageCapacity(range);
        results.add(threads.submit(call));
      }
      for (int i = 0; i < 16; i++) {
        LocalDate start = LocalDate.of(2023, 1, 1).plusDays(i * 7L);
        assertThat(results.get(i).get())
            .extracting(NetworkStorageCapacityRow::getStatDateAsLocalDate)
            .containsExactlyElementsOf(DateRange.of(start, start.plusDays(199)).dates().toList());
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(fake.requests()).hasSize(16 * 3);
    assertThat(transport.maxInFlight.get()).isBetween(1, 4);
  }
}
