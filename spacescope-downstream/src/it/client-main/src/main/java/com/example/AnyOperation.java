package com.example;

// tag::catalog-usage[]
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.Operation;
import io.github.spacescopejava.client.OperationRequest;
import io.github.spacescopejava.client.Operations;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

public class AnyOperation {
  public static void main(String[] args) {
    // args: a base URL, an operation's name such as gas/network_base_fee, the first and last day
    Operation<?> op =
        Operations.byName(args[1])
            .orElseThrow(() -> new IllegalArgumentException("no operation " + args[1]));
    System.out.println(
        op.name() + ": " + op.shape() + ", " + op.maxWindowDays() + " days per request at most");
    DateRange period = DateRange.of(LocalDate.parse(args[2]), LocalDate.parse(args[3]));
    try (SpaceScope spacescope = SpaceScope.builder().baseUrl(args[0]).build()) {
      // Typed: the catalog's constant carries the row type.
      List<NetworkStorageCapacityRow> power =
          spacescope.fetch(Operations.POWER_NETWORK_STORAGE_CAPACITY, OperationRequest.of(period));
      System.out.println(power.size() + " days of network storage capacity");
      // Generic: any operation, written out by JSON name with exact values and unknown fields.
      try (Stream<?> rows = spacescope.stream(op, OperationRequest.of(period))) {
        rows.map(op::values).forEach(System.out::println);
      }
    }
  }
}
// end::catalog-usage[]
