package io.github.spacescopejava.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.Scenario;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SharedClientTest {
  @RegisterExtension
  static final SpaceScopeFakeExtension FAKE =
      SpaceScopeFakeExtension.builder().clock(Instant.parse("2025-01-02T00:00:00Z")).build();

  @Test
  void sixteenThreadsShareOneClientWithinItsConcurrencyLimit(SpaceScopeFake fake) throws Exception {
    // Every answer 100 ms late: requests overlap whenever the client lets them, so a client that
    // serialized its requests would show 1 here, and one that ignored its cap more than 4.
    fake.given(
        Scenario.on("/v2/power/network_storage_capacity")
            .always(Fault.latency(Duration.ofMillis(100))));
    CountingHttpClient transport = new CountingHttpClient();
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try (SpaceScope client =
        Clients.against(fake).httpClient(transport).maxConcurrentRequests(4).build()) {
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
    assertThat(transport.maxInFlight.get()).as("requests in flight at once").isEqualTo(4);
  }
}
