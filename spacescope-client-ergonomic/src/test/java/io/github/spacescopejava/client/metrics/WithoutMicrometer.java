package io.github.spacescopejava.client.metrics;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.event.AttemptAnswered;
import io.github.spacescopejava.client.event.SpaceScopeListener;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Run by {@link WithoutMicrometerTest} in a class loader that has no Micrometer: a user's program
 * with a listener of its own, calling the client.
 */
public final class WithoutMicrometer {
  private WithoutMicrometer() {}

  /** The rows of one day, then what the listener heard, as text. */
  public static List<String> call(String baseUrl, String token) {
    List<String> out = new ArrayList<>();
    SpaceScopeListener listener =
        new SpaceScopeListener() {
          @Override
          public void attemptAnswered(AttemptAnswered e) {
            out.add("answered " + e.rows());
          }
        };
    try (SpaceScope client =
        SpaceScope.builder()
            .baseUrl(baseUrl)
            .token(token)
            .checkDataAvailability(false)
            .listener(listener)
            .build()) {
      int rows =
          client.power().networkStorageCapacity(DateRange.day(LocalDate.of(2024, 6, 1))).size();
      out.add(0, "rows " + rows);
    }
    return out;
  }
}
