package io.github.spacescopejava.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeExtension;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code check} against the fake: clean, it passes; with a field injected into one answer (by a
 * WireMock proxy in front of the fake that rewrites that answer), it reports the field and fails.
 */
class CheckCommandTest {
  @RegisterExtension
  static final SpaceScopeFakeExtension SPACESCOPE =
      SpaceScopeFakeExtension.builder()
          .systemClock()
          .providerPopulation(20)
          .dealPopulation(20)
          .build();

  private WireMockServer proxy;

  @AfterEach
  void stopProxy() {
    if (proxy != null) {
      proxy.stop();
    }
  }

  @Test
  void aCleanFakePassesEveryOperation() {
    SpaceScopeFake fake = SPACESCOPE.fake();
    CliRun run = CliRun.run("--base-url", fake.baseUrl(), "--token", fake.token(), "check");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out().lines().filter(l -> l.matches("\\S+\\s+ok \\(\\d+ rows?\\)"))).hasSize(78);
    assertThat(run.out())
        .contains("78 operations checked for ")
        .endsWith("78 as the spec says, 0 with drift, 0 failed\n");
    // One request per operation, for the day before the latest published one.
    LocalDate day = DateRange.latestAvailableDay(fake.clock()).minusDays(1);
    assertThat(fake.requests()).hasSize(78);
    assertThat(fake.invalidRequests()).isEmpty();
    assertThat(fake.requests().get(0).toString()).contains(day.toString());
  }

  @Test
  void aFieldInjectedIntoAnAnswerIsReportedAndFailsTheCheck() throws Exception {
    SpaceScopeFake fake = SPACESCOPE.fake();
    LocalDate day = DateRange.latestAvailableDay(fake.clock()).minusDays(1);
    String path = "/v2/power/network_storage_capacity";
    JsonNode answer =
        Wire.EXACT.readTree(Wire.body(fake, path + "?start_date=" + day + "&end_date=" + day));
    ((ObjectNode) answer.get("data").get(0)).put("total_sectors", 123456789);
    ((ObjectNode) answer.get("data").get(0)).put("baseline_power", "31724945795507953664");

    proxy = new WireMockServer(options().dynamicPort());
    proxy.start();
    proxy.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().proxiedFrom(fake.baseUrl())));
    proxy.stubFor(get(urlPathEqualTo(path)).atPriority(1).willReturn(okJson(answer.toString())));

    CliRun run = CliRun.run("--base-url", proxy.baseUrl(), "--token", fake.token(), "check");

    assertThat(run.exitCode()).as("%s", run).isEqualTo(ExitCode.DRIFT.code());
    assertThat(run.out())
        .contains("power/network_storage_capacity  ")
        .containsPattern("power/network_storage_capacity +DRIFT\n")
        .contains("\n    field 'total_sectors' (integer) is not in the spec\n")
        .contains(
            "    field 'baseline_power': the spec says number, the answer has string \"31724945795507953664\"\n")
        .endsWith("77 as the spec says, 1 with drift, 0 failed\n");

    CliRun json =
        CliRun.run(
            "--base-url",
            proxy.baseUrl(),
            "--token",
            fake.token(),
            "check",
            "--json",
            "power/network_storage_capacity",
            "gas/network_base_fee");
    assertThat(json.exitCode()).isEqualTo(ExitCode.DRIFT.code());
    JsonNode report = Wire.EXACT.readTree(json.out());
    assertThat(report.get("operations")).hasSize(2);
    assertThat(report.at("/operations/0/status").asText()).isEqualTo("drift");
    assertThat(report.at("/operations/0/findings").findValuesAsText("name"))
        .containsExactlyInAnyOrder("total_sectors", "baseline_power");
    assertThat(report.at("/operations/1/status").asText()).isEqualTo("ok");
  }
}
