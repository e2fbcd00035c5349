package io.github.spacescopejava.generated.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.github.spacescopejava.generated.SpaceScopeJson;
import io.github.spacescopejava.generated.model.DealSnapshotRow;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The shared mapper neither drops unknown fields nor rounds numbers to fit a Java type. */
class LosslessDecodingTest {
  private final ObjectMapper mapper = SpaceScopeJson.newObjectMapper();

  @Test
  void keepsAnUnknownRowFieldWithItsExactValue() throws Exception {
    DealSnapshotRow row =
        mapper.readValue(
            """
        {"deal_id": 3408838,
         "made_up_amount": 12345678901234567890.123456789012345678,
         "made_up_count": 98765432109876543210,
         "made_up_label": "kept"}""",
            DealSnapshotRow.class);

    assertThat(row.getDealId()).isEqualTo(3408838L);
    assertThat(row.getAdditionalProperties())
        .containsOnlyKeys("made_up_amount", "made_up_count", "made_up_label");
    assertThat(row.getAdditionalProperty("made_up_amount"))
        .isEqualTo(new BigDecimal("12345678901234567890.123456789012345678"));
    assertThat(row.getAdditionalProperty("made_up_count"))
        .isEqualTo(new BigInteger("98765432109876543210"));
    assertThat(row.getAdditionalProperty("made_up_label")).isEqualTo("kept");
    assertThat(mapper.writeValueAsString(row))
        .contains("\"made_up_amount\":12345678901234567890.123456789012345678");
  }

  @Test
  void refusesAFractionInAnInt64FieldInsteadOfTruncatingIt() {
    assertThatThrownBy(() -> mapper.readValue("{\"deal_id\": 1.5}", DealSnapshotRow.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("deal_id");
  }
}
