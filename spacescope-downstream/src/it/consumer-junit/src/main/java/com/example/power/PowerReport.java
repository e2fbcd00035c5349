package com.example.power;

// tag::power-report[]
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import java.time.Clock;
import java.util.List;

/** Your code: the network's storage capacity over the last days the API has published. */
public class PowerReport {
  private final SpaceScope spacescope;
  private final Clock clock;

  /** {@code clock}: the client's, so that both agree on what is published. */
  public PowerReport(SpaceScope spacescope, Clock clock) {
    this.spacescope = spacescope;
    this.clock = clock;
  }

  public List<NetworkStorageCapacityRow> lastDays(int days) {
    return spacescope.power().networkStorageCapacity(DateRange.lastDays(days, clock));
  }
}
// end::power-report[]
