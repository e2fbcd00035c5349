package com.example;

// tag::client-usage[]
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import java.time.LocalDate;
import java.util.List;

public class NetworkPower {
  public static void main(String[] args) {
    SpaceScope.Builder builder = SpaceScope.builder(); // the token from SPACESCOPE_API_TOKEN
    if (args.length > 0) {
      builder.baseUrl(args[0]); // another server than https://api.spacescope.io, e.g. the fake
    }
    try (SpaceScope spacescope = builder.build()) {
      List<NetworkStorageCapacityRow> rows =
          spacescope
              .power()
              .networkStorageCapacity(
                  DateRange.of(LocalDate.of(2021, 1, 1), LocalDate.of(2024, 12, 31)));
      NetworkStorageCapacityRow last = rows.get(rows.size() - 1);
      System.out.println(
          rows.size()
              + " days; raw power on "
              + last.getStatDateAsLocalDate()
              + ": "
              + last.getTotalRawBytesPower()
              + " bytes");
    }
  }
}
// end::client-usage[]
