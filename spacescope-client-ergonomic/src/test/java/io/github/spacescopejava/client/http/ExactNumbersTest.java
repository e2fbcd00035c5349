package io.github.spacescopejava.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbers reach the caller as the server wrote them, over a real socket, whichever way the answer
 * is decoded: a plain success straight from the bytes, or (for an envelope with an odd field that
 * sends it down the full classification) through the tree.
 */
class ExactNumbersTest {
  private static final DateRange DAY = DateRange.day(LocalDate.of(2024, 6, 1));
  private static final String ROW =
      "{\"stat_date\":\"2024-06-01T00:00:00Z\",\"total_raw_bytes_power\":100.0,"
          + "\"baseline_power\":1.50,\"total_qa_bytes_power\":20431876696867700000,"
          + "\"not_in_the_spec\":123456789012345678901234567890.10}";

  static Stream<String> envelopes() {
    return Stream.of(
        "{\"request_id\":\"r#1\",\"code\":0,\"message\":\"success.\",\"data\":[" + ROW + "]}",
        // A repeated code: not a plain success for the shortcut, decoded through the tree.
        "{\"request_id\":\"r#1\",\"code\":7,\"code\":0,\"message\":\"success.\",\"data\":["
            + ROW
            + "]}");
  }

  @ParameterizedTest
  @MethodSource("envelopes")
  void decimalsKeepTheirWrittenDigitsAndScale(String envelope) throws Exception {
    try (TinyServer server = new TinyServer(r -> TinyServer.json(envelope));
        SpaceScope client = Clients.against(server).build()) {
      List<NetworkStorageCapacityRow> rows = client.power().networkStorageCapacity(DAY);

      NetworkStorageCapacityRow row = rows.get(0);
      assertThat(row.getTotalRawBytesPower()).hasToString("100.0");
      assertThat(row.getBaselinePower()).hasToString("1.50");
      assertThat(row.getTotalQaBytesPower()).hasToString("20431876696867700000");
      assertThat(row.getAdditionalProperties().get("not_in_the_spec"))
          .hasToString("123456789012345678901234567890.10");
    }
  }
}
