package io.github.spacescopejava.benchmarks.startup;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import java.time.LocalDate;

/**
 * The client's start-up (docs/PERFORMANCE.md, start-up): in a fresh JVM, {@code build()} and the
 * first call, the same one-day request as {@link PlainFirstCall}.
 *
 * <p>Arguments: the base URL, the token, the day.
 */
public final class ClientFirstCall {
  private ClientFirstCall() {}

  public static void main(String[] args) {
    try (SpaceScope client = SpaceScope.builder().baseUrl(args[0]).token(args[1]).build()) {
      int rows =
          client.power().networkStorageCapacity(DateRange.day(LocalDate.parse(args[2]))).size();
      System.out.println(rows + " row");
    }
  }
}
