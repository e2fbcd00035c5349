package com.example.metrics;

// tag::metrics-usage[]
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.metrics.SpaceScopeMetrics;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

public final class MeteredPower {
  private MeteredPower() {}

  /** A client whose requests, retries, rows and bytes are recorded in {@code registry}. */
  public static SpaceScope client(SpaceScope.Builder builder, MeterRegistry registry) {
    return builder.listener(SpaceScopeMetrics.of(registry)).build();
  }

  public static List<NetworkStorageCapacityRow> capacity(SpaceScope client, DateRange period) {
    return client.power().networkStorageCapacity(period);
  }
}
// end::metrics-usage[]
