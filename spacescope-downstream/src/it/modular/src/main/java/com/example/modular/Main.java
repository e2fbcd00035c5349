package com.example.modular;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.InvalidInputException;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import java.time.LocalDate;
import java.util.List;

/** Fetches a year (Feign, Jackson) and has a bad range refused (Hibernate Validator, EL). */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    try (SpaceScope spacescope = SpaceScope.builder().baseUrl(args[0]).build()) {
      List<NetworkStorageCapacityRow> rows =
          spacescope
              .power()
              .networkStorageCapacity(
                  DateRange.of(LocalDate.of(2021, 1, 1), LocalDate.of(2021, 12, 31)));
      System.out.println(
          rows.size()
              + " days in module "
              + Main.class.getModule().getName()
              + " with "
              + SpaceScope.class.getModule().getName()
              + "; last "
              + rows.get(rows.size() - 1).getStatDateAsLocalDate());
      try {
        spacescope
            .power()
            .networkStorageCapacity(DateRange.of(LocalDate.of(2019, 1, 1), LocalDate.of(2019, 1, 2)));
        System.out.println("a range before mainnet was accepted");
        System.exit(1);
      } catch (InvalidInputException e) {
        System.out.println("refused: " + e.getMessage().lines().findFirst().orElse(""));
      }
    }
  }
}
