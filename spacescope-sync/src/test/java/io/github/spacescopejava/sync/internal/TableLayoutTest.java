package io.github.spacescopejava.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableLayoutTest {
  static final Catalog CATALOG = Catalog.bundled();

  @ParameterizedTest(name = "{0} is {1} keyed by {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "power/network_storage_capacity|power.network_storage_capacity|[stat_date]",
        "gas/network_base_fee|gas.network_base_fee|[hour_date]",
        "storage_provider/power|storage_provider.power|[stat_date, miner_id]",
        "storage_provider/deals/client_count|storage_provider.deals_client_count|[stat_date, miner_id]",
        "network_core/capacity-services/network_storage_capacity|v1_capacity_services.network_storage_capacity|[stat_date]",
        "network_core/market-deals/top10_clients_by_active_deal_bytes|v1_market_deals.top10_clients_by_active_deal_bytes|[stat_date, client_rank]",
      })
  void tablesAreNamedFromTheTagAndThePathAndKeyedByTheRowsIdentity(
      String operation, String table, String key) {
    OperationSpec op = CATALOG.find(operation).orElseThrow();
    assertThat(op.schema() + "." + op.table()).isEqualTo(table);
    assertThat(TableLayout.of(op).key()).hasToString(key);
  }

  @org.junit.jupiter.api.Test
  void everyOperationHasATableOfItsOwn() {
    assertThat(CATALOG.operations().stream().map(o -> o.schema() + "." + o.table()))
        .doesNotHaveDuplicates()
        .hasSize(CATALOG.operations().size());
  }

  @org.junit.jupiter.api.Test
  void theDefaultsAreTheDayRangeOperationsThatAreNotDeprecated() {
    assertThat(CATALOG.defaults())
        .isNotEmpty()
        .allSatisfy(
            o -> {
              assertThat(o.shape()).isEqualTo(Shape.DAY_RANGE);
              assertThat(o.deprecated()).isFalse();
            })
        .extracting(OperationSpec::name)
        .contains("power/network_storage_capacity")
        .doesNotContain("power/sectors_schedule_expiration");
  }
}
