package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointNamesTest {
  private static final EndpointNames NAMES = new EndpointNames(SpecCatalog.bundled().operations());

  @ParameterizedTest
  @CsvSource({
    "power/network_storage_capacity, /v2/power/network_storage_capacity",
    "/v2/power/network_storage_capacity, /v2/power/network_storage_capacity",
    "v2/power/network_storage_capacity/, /v2/power/network_storage_capacity",
    "Power_networkStorageCapacity, /v2/power/network_storage_capacity",
    "power.networkStorageCapacity, /v2/power/network_storage_capacity",
    "POWER/NETWORK_STORAGE_CAPACITY, /v2/power/network_storage_capacity",
    "networkBaseFee, /v2/gas/network_base_fee",
    "network_core/network_storage_capacity, /v1/network_core/network_storage_capacity",
    "storage_provider/power, /v2/storage_provider/power"
  })
  void resolvesEveryKindOfName(String name, String path) {
    assertThat(NAMES.resolve(name).path()).isEqualTo(path);
  }

  @ParameterizedTest
  @CsvSource({
    "power/network_storage_capacty, power/network_storage_capacity",
    "power/network_storge_capacity, power/network_storage_capacity",
    "gas/network_basefee, gas/network_base_fee",
    "storage_capacity, power/network_storage_capacity"
  })
  void suggestsTheClosestNamesForAnUnknownOne(String typo, String suggested) {
    assertThatThrownBy(() -> NAMES.resolve(typo))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.UNKNOWN_NAME))
        .hasMessageStartingWith("no endpoint named '" + typo + "'; did you mean ")
        .hasMessageContaining(suggested);
  }

  @ParameterizedTest
  @CsvSource({"networkStorageCapacity", "circulatingSupply"})
  void aMethodNameSharedByOperationsListsThem(String method) {
    assertThatThrownBy(() -> NAMES.resolve(method))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("names ")
        .hasMessageContaining(" operations: ")
        .hasMessageEndingWith("; give one of these names");
  }

  @ParameterizedTest
  @CsvSource({"kitten", "xyzzy/plugh"})
  void suggestsNothingForANameFarFromAll(String name) {
    assertThatThrownBy(() -> NAMES.resolve(name))
        .hasMessage("no endpoint named '" + name + "' ('spacescope endpoints' lists them all)");
  }
}
