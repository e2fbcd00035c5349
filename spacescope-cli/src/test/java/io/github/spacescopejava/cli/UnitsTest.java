package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {
  private static final SpecCatalog SPEC = SpecCatalog.bundled();

  private static Field field(String path, String name) {
    return SPEC.byPath(path).orElseThrow().field(name).orElseThrow();
  }

  @ParameterizedTest
  @CsvSource({
    "/v2/power/network_storage_capacity, total_qa_bytes_power, BYTES",
    "/v2/power/network_storage_capacity, baseline_power, BYTES",
    "/v2/circulating_supply/circulating_supply, circulating_fil, FIL",
    "/v2/deals/deal_snapshot, provider_collateral, ATTO_FIL",
    "/v2/deals/deal_snapshot, padded_piece_size, BYTES",
    "/v2/deals/deal_snapshot, deal_id, NUMBER",
    "/v1/network_core/capacity-services/commit_and_expire_pledge, raw_bytes_gb, NUMBER",
  })
  void infersTheUnitFromTheNameAndTheSpec(String path, String name, Units unit) {
    assertThat(Units.of(field(path, name))).isEqualTo(unit);
  }

  @ParameterizedTest
  @CsvSource({
    "BYTES, 2.3e19, 1152921504606846976, EiB",
    "BYTES, 9.0e17, 1125899906842624, PiB",
    "BYTES, 1000, 1, B",
    "FIL, 4.5e8, 1000000, million FIL",
    "FIL, 12.5, 1, FIL",
    "NUMBER, 250000, 1000, thousand",
    "NUMBER, 7, 1, ''",
  })
  void picksAHumanScale(Units unit, double max, double divisor, String label) {
    assertThat(unit.scale(max)).isEqualTo(new Units.Scale(divisor, label));
  }

  @Test
  void attoFilBecomesFil() {
    assertThat(Units.ATTO_FIL.base(new BigDecimal("5041200106022921000")))
        .isEqualTo(5.041200106022921);
  }
}
