package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code endpoints} needs no token and no network: it reads the bundled spec. */
class EndpointsCommandTest {
  @Test
  void listsEveryOperationWithShapeWindowAndDeprecation() {
    CliRun run = CliRun.run("endpoints");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out().lines()).hasSize(1 + 78 + 1);
    assertThat(run.out())
        .containsPattern(
            "(?m)^power/network_storage_capacity +day-range +90 days +- +- +power\\.networkStorageCapacity$")
        .containsPattern(
            "(?m)^storage_provider/power +state-day +1 day +yes +- +storageProvider\\.power$")
        .containsPattern(
            "(?m)^deals/deal_snapshot +paged-search +pages +- +deprecated +deals\\.dealSnapshot$")
        .endsWith("78 operations\n");
  }

  @Test
  void writesJsonForMachines() throws Exception {
    CliRun run = CliRun.run("endpoints", "--json");
    assertThat(run.exitCode()).isZero();
    JsonNode all = Wire.EXACT.readTree(run.out());
    assertThat(all).hasSize(78);
    JsonNode first = all.get(0);
    assertThat(first.get("name").asText())
        .isEqualTo("network_core/capacity-services/commit_and_expire_pledge");
    assertThat(first.get("maxWindowDays").asInt()).isEqualTo(31);
    assertThat(first.get("deprecated").asBoolean()).isTrue();
    assertThat(first.get("fields").get(0).get("name").asText()).isEqualTo("stat_date");
  }

  @Test
  void describesOneOperationsFields() {
    CliRun run = CliRun.run("endpoints", "Deals_dealSnapshot");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("deals/deal_snapshot: ")
        .containsPattern("(?m)^    provider_collateral +integer as string$")
        .containsPattern("(?m)^    start_timestamp +string \\(date-time\\)$");
  }
}
