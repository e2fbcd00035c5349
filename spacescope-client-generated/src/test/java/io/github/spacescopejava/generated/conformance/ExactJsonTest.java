package io.github.spacescopejava.generated.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExactJsonTest {
  private static final String ROW =
      """
      {"code": 0, "data": [{"stat_date": "2022-07-01T00:00:00Z",
        "total_qa_bytes_power": 20431876696867700000, "ratio": 0.1, "ok": true}]}""";

  private static String diff(String expected, String actual) {
    return ExactJson.firstDifference(ExactJson.parse(expected), ExactJson.parse(actual))
        .orElse(null);
  }

  @Test
  void acceptsAnIdenticalDocumentWhateverTheFieldOrder() {
    String reordered =
        """
        {"data": [{"ok": true, "ratio": 0.1, "total_qa_bytes_power": 20431876696867700000,
          "stat_date": "2022-07-01T00:00:00Z"}], "code": 0}""";
    assertThat(diff(ROW, reordered)).isNull();
  }

  @Test
  void reportsADroppedFieldWithItsPath() {
    assertThat(diff(ROW, ROW.replace(", \"ratio\": 0.1", "")))
        .isEqualTo("at $.data[0].ratio: field dropped (expected number 0.1)");
  }

  @Test
  void reportsAnInventedFieldWithItsPath() {
    assertThat(diff(ROW, ROW.replace("\"ok\": true", "\"ok\": true, \"extra\": 1")))
        .isEqualTo("at $.data[0].extra: field invented (was number 1)");
  }

  @Test
  void reportsOneChangedDigitInATwentyDigitNumber() {
    assertThat(diff(ROW, ROW.replace("20431876696867700000", "20431876696867700001")))
        .isEqualTo(
            "at $.data[0].total_qa_bytes_power: expected the number 20431876696867700000"
                + " but was 20431876696867700001");
  }

  @Test
  void reportsAChangedDateString() {
    assertThat(diff(ROW, ROW.replace("2022-07-01T00:00:00Z", "2022-07-01T00:00Z")))
        .isEqualTo(
            "at $.data[0].stat_date: expected \"2022-07-01T00:00:00Z\" but was \"2022-07-01T00:00Z\"");
  }

  @Test
  void comparesNumbersByValueNotByNotation() {
    assertThat(diff("{\"v\": 4e14}", "{\"v\": 400000000000000}")).isNull();
    assertThat(diff("{\"v\": 1.50}", "{\"v\": 1.5}")).isNull();
  }

  @Test
  void tellsAFloatFromItsNearestDoubleNeighbour() {
    assertThat(diff("{\"v\": 0.1}", "{\"v\": 0.10000000000000001}"))
        .isEqualTo("at $.v: expected the number 0.1 but was 0.10000000000000001");
  }

  @Test
  void tellsANumberFromTheSameDigitsInAString() {
    assertThat(diff("{\"v\": \"5041200106022921\"}", "{\"v\": 5041200106022921}"))
        .isEqualTo("at $.v: expected string \"5041200106022921\" but was number 5041200106022921");
  }

  @Test
  void reportsAChangedBooleanAndAShorterArray() {
    assertThat(diff(ROW, ROW.replace("true", "false")))
        .isEqualTo("at $.data[0].ok: expected true but was false");
    assertThat(diff("{\"data\": [1, 2]}", "{\"data\": [1]}"))
        .isEqualTo("at $.data: expected 2 elements but was 1");
  }

  @Test
  void assertionFailsWithThePathOfTheFirstDifference() {
    assertThatThrownBy(
            () ->
                ExactJson.assertSameJson(
                    ExactJson.parse(ROW), ExactJson.parse(ROW.replace("0.1", "0.2"))))
        .isInstanceOf(AssertionError.class)
        .hasMessage("JSON differs at $.data[0].ratio: expected the number 0.1 but was 0.2");
  }
}
