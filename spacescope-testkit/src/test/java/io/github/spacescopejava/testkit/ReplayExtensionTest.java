package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Recordings kept with the tests (src/test/resources/recordings, recorded from a second fake whose
 * rows carry a field our spec lacks) replayed through the JUnit extension, both forms.
 */
class ReplayExtensionTest {
  static final String RECORDED =
      "/v2/power/network_storage_capacity?start_date=2022-07-01&end_date=2022-07-03";
  static final String NOT_RECORDED =
      "/v2/power/network_storage_capacity?start_date=2022-07-04&end_date=2022-07-04";

  @Nested
  @SpaceScopeFakeTest(replay = "src/test/resources/recordings", replayOnly = true)
  class Annotation {
    @Test
    void servesTheRecordingAndRefusesTheRest(SpaceScopeFake fake) {
      JsonNode recorded = RawHttp.json(RawHttp.get(fake, RECORDED));
      assertThat(recorded.get("data")).hasSize(3);
      assertThat(recorded.get("data").get(0).has("sealing_queue_bytes")).isTrue();

      assertThat(RawHttp.get(fake, NOT_RECORDED).statusCode()).isEqualTo(404);
    }
  }

  @Nested
  class Builder {
    @RegisterExtension
    final SpaceScopeFakeExtension spacescope =
        SpaceScopeFakeExtension.builder().replay(Path.of("src/test/resources/recordings")).build();

    @Test
    void servesTheRecordingAndSyntheticRowsForTheRest() {
      SpaceScopeFake fake = spacescope.fake();
      assertThat(
              RawHttp.json(RawHttp.get(fake, RECORDED))
                  .get("data")
                  .get(0)
                  .has("sealing_queue_bytes"))
          .isTrue();
      JsonNode synthetic = RawHttp.json(RawHttp.get(fake, NOT_RECORDED));
      assertThat(synthetic.get("code").asInt()).isZero();
      assertThat(synthetic.get("data").get(0).has("sealing_queue_bytes")).isFalse();
    }
  }
}
