package io.github.spacescopejava.benchmarks.startup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.spacescopejava.generated.model.NetworkStorageCapacity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The start-up baseline (docs/PERFORMANCE.md, start-up): what a user writes without the client, in
 * a fresh JVM. One GET of one day of {@code power/network_storage_capacity} with the JDK's
 * HttpClient, the envelope decoded into the same generated model with Jackson, code 0 checked.
 *
 * <p>Arguments: the base URL, the token, the day.
 */
public final class PlainFirstCall {
  private PlainFirstCall() {}

  public static void main(String[] args) throws Exception {
    String url =
        args[0]
            + "/v2/power/network_storage_capacity?start_date="
            + args[2]
            + "&end_date="
            + args[2];
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpResponse<byte[]> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("authorization", "Bearer " + args[1])
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode());
    }
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    NetworkStorageCapacity answer = mapper.readValue(response.body(), NetworkStorageCapacity.class);
    if (answer.getCode() == null || answer.getCode() != 0) {
      throw new IllegalStateException("code " + answer.getCode());
    }
    System.out.println(answer.getData().size() + " row");
  }
}
