package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DriftTest {
  private static final SpecCatalog SPEC = SpecCatalog.bundled();
  private static final Operation POWER =
      SPEC.byPath("/v2/power/network_storage_capacity").orElseThrow();
  private static final Operation DEALS = SPEC.byPath("/v2/deals/deal_snapshot").orElseThrow();

  private static String envelope(String row) {
    return "{\"request_id\":\"r\",\"code\":0,\"message\":\"success.\",\"data\":[" + row + "]}";
  }

  private static final String CLEAN_ROW =
      "{\"stat_date\":\"2024-01-01T00:00:00Z\",\"total_qa_bytes_power\":23517332323663208448,"
          + "\"total_raw_bytes_power\":2.1e19,\"baseline_power\":1.5}";

  @Test
  void anAnswerAsTheSpecSaysHasNoFindings() {
    Drift.Result result = Drift.compare(SPEC, POWER, envelope(CLEAN_ROW + "," + CLEAN_ROW));
    assertThat(result.findings()).isEmpty();
    assertThat(result.rows()).isEqualTo(2);
    assertThat(result.code()).isZero();
  }

  @Nested
  class RowFields {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "\"total_sectors\":12 | field 'total_sectors' (integer) is not in the spec",
          "\"note\":\"x\" | field 'note' (string) is not in the spec",
          "\"breakdown\":{\"a\":1} | field 'breakdown' (object) is not in the spec",
        })
    void undeclaredFieldsAreReported(String extra, String finding) {
      String row = CLEAN_ROW.substring(0, CLEAN_ROW.length() - 1) + "," + extra + "}";
      assertThat(Drift.compare(SPEC, POWER, envelope(row)).findings())
          .singleElement()
          .satisfies(f -> assertThat(f.detail()).isEqualTo(finding))
          .satisfies(f -> assertThat(f.kind()).isEqualTo("field"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
        delimiter = '|',
        value = {
          "total_qa_bytes_power | \"23517332323663208448\" | field 'total_qa_bytes_power': the spec says number, the answer has string \"23517332323663208448\"",
          "total_qa_bytes_power | null | field 'total_qa_bytes_power': the spec says number, the answer has null",
          "stat_date | 20240101 | field 'stat_date': the spec says string (date-time), the answer has integer 20240101",
          "stat_date | \"2024-01-01\" | field 'stat_date': the spec says string (date-time), the answer has '2024-01-01', not an RFC 3339 timestamp",
        })
    void valuesOfAnotherTypeOrFormatAreReported(String field, String value, String finding) {
      String row = CLEAN_ROW.replaceFirst("\"" + field + "\":[^,}]+", "\"" + field + "\":" + value);
      assertThat(Drift.compare(SPEC, POWER, envelope(row)).findings())
          .singleElement()
          .satisfies(f -> assertThat(f.detail()).isEqualTo(finding))
          .satisfies(f -> assertThat(f.kind()).isEqualTo("type"));
    }

    @Test
    void integersAndIntegerStringsAreCheckedExactly() {
      Field dealId = DEALS.field("deal_id").orElseThrow();
      Field collateral = DEALS.field("provider_collateral").orElseThrow();
      var json = new com.fasterxml.jackson.databind.ObjectMapper();
      assertThat(Drift.mismatch(dealId, json.valueToTree(3408838L))).isNull();
      assertThat(
              Drift.mismatch(
                  dealId,
                  new com.fasterxml.jackson.databind.node.DecimalNode(
                      new java.math.BigDecimal("5.0"))))
          .isEqualTo("a fraction 5.0");
      assertThat(Drift.mismatch(collateral, json.valueToTree("5041200106022921"))).isNull();
      assertThat(Drift.mismatch(collateral, json.valueToTree("5.04e15")))
          .isEqualTo("'5.04e15', which does not match ^-?[0-9]+$");
    }

    @Test
    void aFieldIsReportedOnceHoweverManyRowsHaveIt() {
      String row = CLEAN_ROW.substring(0, CLEAN_ROW.length() - 1) + ",\"x\":1}";
      assertThat(Drift.compare(SPEC, POWER, envelope(row + "," + row + "," + row)).findings())
          .hasSize(1);
    }
  }

  @Nested
  class Envelope {
    @Test
    void anUndocumentedCodeIsReported() {
      String body = "{\"request_id\":\"r\",\"code\":40001,\"message\":\"new\",\"data\":null}";
      Drift.Result result = Drift.compare(SPEC, POWER, body);
      assertThat(result.code()).isEqualTo(40001);
      assertThat(result.findings())
          .singleElement()
          .satisfies(f -> assertThat(f.kind()).isEqualTo("code"))
          .satisfies(
              f -> assertThat(f.detail()).startsWith("code 40001 is not one the spec documents"));
    }

    @Test
    void anUndeclaredEnvelopeFieldIsReported() {
      String body = "{\"request_id\":\"r\",\"code\":0,\"message\":\"ok\",\"total\":3,\"data\":[]}";
      assertThat(Drift.compare(SPEC, POWER, body).findings())
          .singleElement()
          .satisfies(
              f ->
                  assertThat(f.detail())
                      .isEqualTo("envelope field 'total' (integer) is not in the spec"));
    }

    @Test
    void aBodyThatIsNotJsonIsNotDriftButAFailure() {
      Drift.Result result = Drift.compare(SPEC, POWER, "<html>502 Bad Gateway</html>");
      assertThat(result.findings()).isEmpty();
      assertThat(result.notAnEnvelope()).startsWith("the body is not JSON: <html>");
    }

    @Test
    void aKnownErrorCodeIsNotDrift() {
      String body = "{\"request_id\":\"r\",\"code\":30004,\"message\":\"not ready\"}";
      Drift.Result result = Drift.compare(SPEC, POWER, body);
      assertThat(result.findings()).isEmpty();
      assertThat(result.code()).isEqualTo(30004);
    }
  }
}
