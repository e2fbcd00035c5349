package com.example;

// tag::generated-client[]
import io.github.spacescopejava.generated.GeneratedClients;
import io.github.spacescopejava.generated.api.PowerApi;
import io.github.spacescopejava.generated.model.NetworkStorageCapacity;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import java.time.LocalDate;
import java.util.List;

public class LowLevel {
  /** {@code baseUrl}: GeneratedClients.DEFAULT_BASE_URL for the real API. */
  public static List<NetworkStorageCapacityRow> oneDay(String baseUrl, String token, LocalDate day) {
    PowerApi power = GeneratedClients.create(PowerApi.class, baseUrl, token);
    NetworkStorageCapacity response = power.networkStorageCapacity(day, day);
    return response.getData(); // one request as is: no validation, windows, typed errors or retries
  }
}
// end::generated-client[]
