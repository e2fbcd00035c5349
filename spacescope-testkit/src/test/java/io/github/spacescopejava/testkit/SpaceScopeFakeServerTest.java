package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.testkit.internal.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpaceScopeFakeServerTest {

  @Test
  void startsTheFakeTheOptionsDescribeAndNeverPrintsTheToken() {
    ServerOptions options =
        ServerOptions.parse(
            new String[] {
              "--port",
              "0",
              "--clock",
              "2022-07-02T21:00:00Z",
              "--providers",
              "4",
              "--token",
              "ghp_secretOfTheServer",
              "--expired-token",
              "ghp_old"
            },
            Map.<String, String>of()::get);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    try (SpaceScopeFake fake =
        SpaceScopeFakeServer.start(options, new PrintStream(out, true, StandardCharsets.UTF_8))) {
      assertThat(
              RawHttp.json(
                      RawHttp.get(
                          fake.baseUrl(),
                          "/v2/storage_provider/power?state_date=2022-07-01",
                          "Bearer ghp_secretOfTheServer"))
                  .get("data"))
          .hasSize(4);
      assertThat(
              RawHttp.get(fake.baseUrl(), "/v2/storage_provider/power", "Bearer ghp_old")
                  .statusCode())
          .isEqualTo(401);
      assertThat(fake.requests()).isEmpty(); // a long-running server keeps no journal
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("78 operations", "http://127.0.0.1:", "2022-07-02T21:00:00Z")
        .doesNotContain("ghp_secretOfTheServer", "ghp_old");
  }

  @Test
  void strictWindowsHoldTheServerToTheDocumentedLimit() {
    String ninetyOneDays =
        "/v2/power/network_storage_capacity?start_date=2022-04-02&end_date=2022-07-01";
    for (boolean strict : new boolean[] {false, true}) {
      String[] args =
          strict
              ? new String[] {"--port", "0", "--clock", "2022-07-02T21:00:00Z", "--strict-windows"}
              : new String[] {"--port", "0", "--clock", "2022-07-02T21:00:00Z"};
      ServerOptions options = ServerOptions.parse(args, Map.<String, String>of()::get);
      try (SpaceScopeFake fake =
          SpaceScopeFakeServer.start(
              options,
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
        assertThat(RawHttp.json(RawHttp.get(fake, ninetyOneDays)).get("code").asInt())
            .as(strict ? "--strict-windows" : "default")
            .isEqualTo(strict ? 30002 : 0);
      }
    }
  }
}
