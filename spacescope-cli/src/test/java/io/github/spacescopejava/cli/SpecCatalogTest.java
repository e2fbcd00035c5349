package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.Operation.Shape;
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

  /** The command calls the client's generic call with the request each shape takes. */
  @ParameterizedTest
  @MethodSource("operations")
  void everyOperationIsCalledWithTheRequestItsShapeTakes(Operation op) {
    assertThat(op.catalog().path()).isEqualTo(op.path());
    FetchRequest request =
        op.shape() == Shape.PAGED_SEARCH
            ? new FetchRequest(
                op,
                null,
                null,
                io.github.spacescopejava.client.DealSearch.builder().dealId(1).build(),
                false)
            : new FetchRequest(
                op,
                io.github.spacescopejava.client.DateRange.day(java.time.LocalDate.of(2024, 1, 1)),
                null,
                null,
                false);
    io.github.spacescopejava.client.OperationRequest.Kind expected =
        switch (op.shape()) {
          case DAY_RANGE, STATE_DAY -> io.github.spacescopejava.client.OperationRequest.Kind.PERIOD;
          case HOURLY_RANGE -> io.github.spacescopejava.client.OperationRequest.Kind.HOURS;
          case PAGED_SEARCH -> io.github.spacescopejava.client.OperationRequest.Kind.SEARCH;
        };
    assertThat(RowSource.request(request).kind()).isEqualTo(expected);
    assertThat(op.fields()).as("row fields of %s", op.name()).isNotEmpty();
  }
}
