package io.github.spacescopejava.generated.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spacescopejava.generated.SpaceScopeJson;
import io.github.spacescopejava.generated.model.DealSnapshotRow;
import java.math.BigInteger;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TypedViewsTest {
  private final ObjectMapper mapper = SpaceScopeJson.newObjectMapper();

  @Test
  void attoFilStringsReadAsExactBigIntegers() throws Exception {
    DealSnapshotRow row =
        mapper.readValue(
            "{\"provider_collateral\":\"123456789012345678901234567890\",\"client_collateral\":\"0\"}",
            DealSnapshotRow.class);

    assertThat(row.getProviderCollateralAsBigInteger())
        .isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(row.getClientCollateralAsBigInteger()).isZero();
    assertThat(row.getStoragePricePerEpochAsBigInteger()).isNull();
  }

  @Test
  void timestampsReadAsTheirUtcDayWhateverTheOffset() throws Exception {
    DealSnapshotRow row =
        mapper.readValue(
            "{\"start_timestamp\":\"2022-01-21T23:30:00-02:00\",\"end_timestamp\":\"2023-07-10T17:53:30Z\"}",
            DealSnapshotRow.class);

    assertThat(row.getStartTimestampAsLocalDate()).isEqualTo(LocalDate.of(2022, 1, 22));
    assertThat(row.getEndTimestampAsLocalDate()).isEqualTo(LocalDate.of(2023, 7, 10));
  }

  @Test
  void typedViewsAreNotWrittenBackAsFields() throws Exception {
    DealSnapshotRow row =
        mapper.readValue(
            "{\"provider_collateral\":\"5\",\"record_timestamp\":\"2022-11-23T06:11:46.614Z\"}",
            DealSnapshotRow.class);

    assertThat(mapper.readTree(mapper.writeValueAsBytes(row)).fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("provider_collateral", "record_timestamp");
  }
}
