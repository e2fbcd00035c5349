package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WireNumbersTest {

  @ParameterizedTest
  @CsvSource({
    "4.940028699413E-6, 4.940028699413e-06",
    "8E-9,              8e-09",
    "-1.45519152283669E-11, -1.45519152283669e-11",
    "0.000108073105393658, 0.000108073105393658",
    "316590544.83518726, 316590544.83518726",
    "2.04318766968677E+19, 20431876696867700000",
    "0, 0"
  })
  void writesNumbersAsTheDocumentedExamplesDo(String value, String wire) {
    assertThat(WireNumbers.text(new BigDecimal(value))).isEqualTo(wire);
    assertThat(new BigDecimal(wire)).isEqualByComparingTo(value);
  }

  @Test
  void wholeNumbersBeyondTwoToThe53AreNeverADouble() {
    for (double v = 9.1e15; v < 4e19; v *= 1.37) {
      BigDecimal whole = WireNumbers.whole(v);
      assertThat(whole.scale()).isLessThanOrEqualTo(0);
      assertThat(WireNumbers.isDouble(whole)).as(whole.toPlainString()).isFalse();
      assertThat(whole.doubleValue() / v).isBetween(0.999_999, 1.000_001);
    }
    assertThat(WireNumbers.whole(123_456.6)).isEqualByComparingTo("123457");
  }

  @Test
  void decimalsAreTheShortestFormOfTheirDouble() {
    assertThat(WireNumbers.decimal(0.1 + 0.2).toPlainString()).isEqualTo("0.30000000000000004");
    assertThat(WireNumbers.decimal(Double.NaN)).isEqualByComparingTo("0");
  }

  @Test
  void recorderOptionsAreParsedAndCheckedTogether() {
    ServerOptions o =
        ServerOptions.parse(
            new String[] {"--record", "rec", "--target", "http://127.0.0.1:9"},
            Map.<String, String>of()::get);
    assertThat(o.record()).isEqualTo(Path.of("rec"));
    assertThat(o.target()).hasToString("http://127.0.0.1:9");
    assertThat(ServerOptions.parse(new String[] {"--record=rec"}, k -> null).target())
        .isEqualTo(RecordingProxy.DEFAULT_TARGET);
    ServerOptions replay =
        ServerOptions.parse(
            new String[] {"--replay", "rec", "--replay-misses", "not-found"}, k -> null);
    assertThat(replay.replay()).isEqualTo(Path.of("rec"));
    assertThat(replay.replayOnly()).isTrue();

    for (List<String> bad :
        List.of(
            List.of("--record", "a", "--replay", "b"),
            List.of("--target", "http://x"),
            List.of("--record", "a", "--target", "ftp://x"),
            List.of("--replay", "a", "--replay-misses", "maybe"))) {
      assertThatIllegalArgumentException()
          .as(bad.toString())
          .isThrownBy(() -> ServerOptions.parse(bad.toArray(String[]::new), k -> null));
    }
  }

  @Test
  void theAnswerCheckReportsAbsentFieldsAndBodiesThatAreNotEnvelopes() {
    ApiSpec spec = ApiSpec.bundled();
    Recording html =
        new Recording(
            "GET",
            "/v2/power/network_storage_capacity",
            Map.of(),
            502,
            Map.of("Content-Type", "text/html"),
            "<html>bad gateway</html>");
    assertThat(AnswerCheck.check(spec, html))
        .singleElement()
        .asString()
        .contains("HTTP 502 with a body that is not a JSON envelope");

    Recording missing =
        new Recording(
            "GET",
            "/v2/power/network_storage_capacity",
            Map.of(),
            200,
            Map.of("Content-Type", "application/json"),
            "{\"request_id\":\"r\",\"code\":0,\"message\":\"success.\",\"data\":[{\"stat_date\":"
                + "\"2022-07-01T00:00:00Z\",\"total_qa_bytes_power\":1,\"total_raw_bytes_power\":1}]}");
    assertThat(AnswerCheck.check(spec, missing))
        .containsExactly(
            "GET /v2/power/network_storage_capacity: field 'baseline_power' of the spec is absent"
                + " in 1 of 1 rows");

    Recording matching =
        new Recording(
            "GET",
            "/v2/power/network_storage_capacity",
            Map.of(),
            200,
            Map.of("Content-Type", "application/json"),
            "{\"request_id\":\"r\",\"code\":30004,\"message\":\"not ready\",\"data\":null}");
    assertThat(AnswerCheck.check(spec, matching)).isEmpty();
  }
}
