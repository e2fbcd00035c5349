package io.github.spacescopejava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.internal.ErrorMapper.Outcome;
import io.github.spacescopejava.client.internal.ErrorMapper.Success;
import io.github.spacescopejava.generated.SpaceScopeJson;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classifier's shortcut for plain successes (one parser pass, no tree) against its full
 * examination of the body: whatever the shortcut accepts, the full path must call a success with
 * the same context; whatever is unusual, the shortcut must leave to the full path.
 */
class PlainSuccessTest {
  private static final String TOKEN = "tok_ABCDEF0123456789";
  private static final RequestContext CONTEXT =
      RequestContext.of("/v2/power/network_storage_capacity", "start_date=2024-01-01", "w");
  private static final String ROWS = "[{\"stat_date\":\"2024-01-01T00:00:00Z\",\"x\":1e400}]";

  private final ErrorMapper mapper = new ErrorMapper(SpaceScopeJson.newObjectMapper(), TOKEN);

  static Stream<Arguments> bodies() {
    return Stream.of(
        // body, accepted by the shortcut
        Arguments.of(
            "{\"request_id\":\"r#1\",\"code\":0,\"message\":\"success.\",\"data\":[]}", true),
        Arguments.of("{\"code\":0,\"data\":" + ROWS + ",\"request_id\":\"r#2\"}", true),
        Arguments.of("{\"data\":" + ROWS + ",\"code\":0}", true),
        Arguments.of("{\"code\":0,\"data\":[],\"message\":null,\"request_id\":null}", true),
        Arguments.of("{\"code\":0,\"data\":[],\"extra\":{\"a\":[1,{\"b\":2}]},\"n\":5}", true),
        Arguments.of("{\"code\":0,\"data\":[],\"message\":\"" + TOKEN + " leaked\"}", true),
        Arguments.of("{\"code\":7,\"code\":0,\"data\":{},\"data\":[]}", false),
        Arguments.of("{\"code\":0,\"data\":[],\"message\":\"a\",\"message\":\"b\"}", false),
        Arguments.of("{\"code\":0,\"data\":[],\"x\":1,\"x\":2}", true),
        Arguments.of("{\"code\":0,\"data\":[]} trailing", true),
        Arguments.of(" \n{\"code\":0,\"data\":[]}", true),
        Arguments.of("{\"code\":4294967296,\"data\":[]}", true),
        Arguments.of("{\"code\":\"0\",\"data\":[]}", false),
        Arguments.of("{\"code\":0.0,\"data\":[]}", false),
        Arguments.of("{\"code\":0,\"code\":\"0\",\"data\":[]}", false),
        Arguments.of("{\"code\":1,\"data\":[]}", false),
        Arguments.of("{\"code\":30001,\"message\":\"limit\",\"data\":null}", false),
        Arguments.of("{\"code\":0,\"data\":null}", false),
        Arguments.of("{\"code\":0}", false),
        Arguments.of("{\"code\":0,\"data\":{}}", false),
        Arguments.of("{\"code\":0,\"data\":[],\"data\":null}", false),
        Arguments.of("{\"code\":0,\"data\":[],\"message\":5}", false),
        Arguments.of("{\"code\":0,\"data\":[],\"request_id\":{\"id\":1}}", false),
        Arguments.of("{\"code\":0,\"data\":[{\"a\":1}", false),
        Arguments.of("{\"code\":0,\"data\":[1,]}", false),
        Arguments.of("[{\"code\":0,\"data\":[]}]", false),
        Arguments.of("<html>502</html>", false),
        Arguments.of("", false),
        Arguments.of("   ", false),
        Arguments.of("null", false));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("bodies")
  void theShortcutAgreesWithTheFullExamination(String text, boolean accepted) {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    Success shortcut = mapper.plainSuccess(body, CONTEXT);
    Outcome full = mapper.classifyFully(200, name -> null, body, CONTEXT, LocalDate.of(2024, 1, 1));
    Outcome classified =
        mapper.classify(200, name -> null, body, CONTEXT, LocalDate.of(2024, 1, 1));

    assertThat(shortcut != null).as("accepted by the shortcut").isEqualTo(accepted);
    if (shortcut != null) {
      assertThat(full).isInstanceOf(Success.class);
      assertThat(shortcut.context()).isEqualTo(((Success) full).context());
      assertThat(shortcut.envelope()).isEqualTo(((Success) full).envelope());
      assertThat(shortcut.context().toString()).doesNotContain(TOKEN);
    }
    // Whichever path classify took, it gives the full examination's outcome.
    assertThat(classified.getClass()).isEqualTo(full.getClass());
    if (full instanceof Success s) {
      assertThat(((Success) classified).context()).isEqualTo(s.context());
    } else {
      assertThat(((ErrorMapper.Failed) classified).failure().exception().getMessage())
          .isEqualTo(((ErrorMapper.Failed) full).failure().exception().getMessage());
    }
  }
}
