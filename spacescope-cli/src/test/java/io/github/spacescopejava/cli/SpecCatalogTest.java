package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpecCatalogTest {
  private static final SpecCatalog SPEC = SpecCatalog.bundled();

  static List<Operation> operations() {
    return SPEC.operations();
  }

  @Test
  void readsEveryOperationOfTheBundledSpecWithItsExtensions() {
    assertThat(SPEC.operations()).hasSize(78);
    Operation power = SPEC.byPath("/v2/power/network_storage_capacity").orElseThrow();
    assertThat(power.name()).isEqualTo("power/network_storage_capacity");
    assertThat(power.clientName()).isEqualTo("power.networkStorageCapacity");
    assertThat(power.shape()).isEqualTo(Shape.DAY_RANGE);
    assertThat(power.maxWindowDays()).isEqualTo(90);
    assertThat(power.rowDateField()).isEqualTo("stat_date");
    assertThat(power.fields())
        .extracting(Field::name)
        .containsExactly(
            "stat_date", "total_qa_bytes_power", "total_raw_bytes_power", "baseline_power");
    assertThat(SPEC.resultCodes()).contains(0, 10011, 10012, 30001, 30002, 30003, 30004);
    assertThat(SPEC.envelopeFields())
        .containsExactlyInAnyOrder("request_id", "code", "message", "data");
  }

  @Test
  void namesAreUniqueAcrossVersions() {
    assertThat(SPEC.operations()).extracting(Operation::name).doesNotHaveDuplicates();
  }

  /** The command calls the client by reflection: every operation must find its methods. */
  @ParameterizedTest
  @MethodSource("operations")
  void everyOperationResolvesToPublicClientMethods(Operation op) {
    assertThatCode(() -> RowSource.verify(op)).doesNotThrowAnyException();
    assertThat(op.fields()).as("row fields of %s", op.name()).isNotEmpty();
  }
}
