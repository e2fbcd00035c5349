package io.github.spacescopejava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.spacescopejava.client.internal.FailureClassifier.Outcome;
import io.github.spacescopejava.client.internal.FailureClassifier.Success;
import io.github.spacescopejava.generated.SpaceScopeJson;
import io.github.spacescopejava.generated.model.NetworkStorageCapacity;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decoder's shortcut for plain successes (decision D41: straight from the bytes into the model)
 * against the full classification on the tree and the decoding from it: whatever the shortcut
 * accepts must be the very envelope and context the full path gives; whatever is unusual it must
 * leave to the full path.
 */
class PlainSuccessTest {
  private static final String TOKEN = "tok_ABCDEF0123456789";
  private static final String ROW =
      "{\"stat_date\":\"2024-01-01T00:00:00Z\",\"total_qa_bytes_power\":20431876696867700000,"
          + "\"baseline_power\":1.50,\"total_raw_bytes_power\":100.0,\"x\":1e400,\"y\":[1,{\"z\":2.500}]}";
  private static final String ROWS = "[" + ROW + "," + ROW.replace("01T", "02T") + "]";

  private final ObjectMapper mapper = SpaceScopeJson.newObjectMapper();
  private final FailureClassifier errors = new FailureClassifier(mapper, TOKEN);
  private final ObjectReader strict =
      EnvelopeDecoder.strictCopy(mapper).readerFor(NetworkStorageCapacity.class);

  static Stream<Arguments> bodies() {
    return Stream.of(
        // body, accepted by the shortcut
        Arguments.of(
            "{\"request_id\":\"r#1\",\"code\":0,\"message\":\"success.\",\"data\":[]}", true),
        Arguments.of("{\"code\":0,\"data\":" + ROWS + ",\"request_id\":\"r#2\"}", true),
        Arguments.of("{\"data\":" + ROWS + ",\"code\":0}", true),
        Arguments.of("{\"code\":0,\"data\":[],\"message\":null,\"request_id\":null}", true),
        Arguments.of("{\"code\":0,\"data\":[],\"extra\":{\"a\":[1,{\"b\":2.50}]},\"n\":5}", true),
        Arguments.of("{\"code\":0,\"data\":[],\"message\":\"" + TOKEN + " leaked\"}", true),
        Arguments.of("{\"code\":7,\"code\":0,\"data\":[],\"data\":" + ROWS + "}", true),
        Arguments.of("{\"code\":0,\"data\":[],\"x\":1,\"x\":2}", true),
        Arguments.of("{\"code\":0,\"data\":[]} trailing", true),
        Arguments.of(" \n{\"code\":0,\"data\":[]}", true),
        Arguments.of("{\"code\":-0,\"data\":[]}", true),
        Arguments.of("{\"code\":4294967296,\"data\":[]}", false),
        Arguments.of("{\"code\":\"0\",\"data\":[]}", false),
        Arguments.of("{\"code\":0.0,\"data\":[]}", false),
        Arguments.of("{\"code\":0,\"code\":\"0\",\"data\":[]}", false),
        Arguments.of("{\"code\":1,\"data\":[]}", false),
        Arguments.of("{\"code\":30001,\"message\":\"limit\",\"data\":null}", false),
        Arguments.of("{\"code\":0,\"data\":null}", false),
        Arguments.of("{\"code\":0}", false),
        Arguments.of("{\"code\":0,\"data\":{}}", false),
        Arguments.of("{\"code\":0,\"data\":{},\"data\":[]}", false),
        Arguments.of("{\"code\":0,\"data\":[],\"data\":null}", false),
        Arguments.of("{\"code\":0,\"data\":[],\"message\":5}", false),
        Arguments.of("{\"code\":0,\"data\":[],\"message\":1e3}", false),
        Arguments.of("{\"code\":0,\"data\":[],\"request_id\":true}", false),
        Arguments.of("{\"code\":0,\"data\":[],\"request_id\":{\"id\":1}}", false),
        Arguments.of("{\"code\":0,\"data\":[{\"stat_date\":5}]}", true),
        Arguments.of("{\"code\":0,\"data\":[{\"total_qa_bytes_power\":\"1\"}]}", false),
        Arguments.of("{\"code\":0,\"data\":[{\"a\":1}", false),
        Arguments.of("{\"code\":0,\"data\":[1,]}", false),
        Arguments.of("[{\"code\":0,\"data\":[]}]", false),
        Arguments.of("<html>502</html>", false),
        Arguments.of("", false),
        Arguments.of("   ", false),
        Arguments.of("null", false),
        Arguments.of("\"text\"", false));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("bodies")
  void theShortcutGivesWhatTheTreeGives(String text, boolean accepted) throws Exception {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    Object shortcut = EnvelopeDecoder.plainSuccess(body, strict);

    assertThat(shortcut != null).as("accepted by the shortcut").isEqualTo(accepted);
    if (shortcut != null) {
      Outcome full = errors.classify(200, name -> null, body);
      assertThat(full).isInstanceOf(Success.class);
      Success ok = (Success) full;
      Object fromTree = mapper.readerFor(NetworkStorageCapacity.class).readValue(ok.envelope());
      assertThat(shortcut).isEqualTo(fromTree);
    }
  }

  @Test
  void decimalsKeepTheirWrittenScaleOnBothPaths() throws Exception {
    // The tree used to strip trailing zeros (100.0 became 1E+2); SpaceScopeJson keeps them.
    byte[] body = ("{\"code\":0,\"data\":" + ROWS + "}").getBytes(StandardCharsets.UTF_8);
    NetworkStorageCapacity direct =
        (NetworkStorageCapacity) EnvelopeDecoder.plainSuccess(body, strict);
    NetworkStorageCapacity viaTree =
        mapper.readerFor(NetworkStorageCapacity.class).readValue(mapper.readTree(body));

    for (NetworkStorageCapacity envelope : new NetworkStorageCapacity[] {direct, viaTree}) {
      NetworkStorageCapacityRow row = envelope.getData().get(0);
      assertThat(row.getTotalRawBytesPower().toString()).isEqualTo("100.0");
      assertThat(row.getBaselinePower().toString()).isEqualTo("1.50");
      assertThat(row.getTotalQaBytesPower()).isEqualTo(new BigDecimal("20431876696867700000"));
    }
  }
}
