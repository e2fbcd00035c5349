package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.testkit.internal.ApiSpec;
import io.github.spacescopejava.testkit.internal.FakeClock;
import io.github.spacescopejava.testkit.internal.FakeEngine;
import io.github.spacescopejava.testkit.internal.FakeServer;
import io.github.spacescopejava.testkit.internal.FakeSettings;
import io.github.spacescopejava.testkit.internal.RecordingProxy;
import io.github.spacescopejava.testkit.internal.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record and replay end to end (D27), with a second fake standing in for the real API: its spec has
 * a row field ours lacks, a field of another type and an undocumented result code, so the recorder
 * has drift to report. The recorder is the standalone server in {@code --record} mode.
 */
class RecordReplayTest {
  /** The target's token: it must reach the target and never the disk. */
  private static final String TOKEN = "ghp_recorderSecret0123456789abcdefghij";

  /** A second secret, given to the recorder with --token, sent by a client in the query only. */
  private static final String OTHER_SECRET = "ghp_otherSecretSentInTheQuery987654321";

  private static final String POWER =
      "/v2/power/network_storage_capacity?start_date=2022-07-01&end_date=2022-07-03";
  private static final String BASE_FEE =
      "/v2/gas/network_base_fee?start_hour=2022-07-01T00:00:00Z&end_hour=2022-07-01T02:00:00Z";
  private static final String BLOCK_REWARD =
      "/v2/economics/block_reward?start_date=2022-07-01&end_date=2022-07-01";
  private static final String TOKEN_IN_QUERY =
      "/v2/power/network_storage_capacity?start_date=2022-07-01&end_date=2022-07-01&token=" + TOKEN;

  @TempDir static Path recordings;
  private static FakeServer target;
  private static FakeEngine targetEngine;
  private static String report;
  private static HttpResponse<byte[]> recordedPower;

  @BeforeAll
  static void recordThreeAnswersFromTheTarget() throws Exception {
    targetEngine =
        new FakeEngine(
            ApiSpec.parse(targetSpec()),
            new FakeSettings(TOKEN, Set.of(), 5, 5, 100, false),
            FakeClock.fixedAt(Instant.parse("2025-01-01T00:00:00Z")));
    targetEngine.addScenario(
        Scenario.on("/v2/gas/network_base_fee").once(Fault.errorCode(40001, "a new limit")));
    targetEngine.addScenario(
        Scenario.on("/v2/economics/block_reward")
            .once(Fault.tooManyRequests(Duration.ofSeconds(7))));
    target = new FakeServer("127.0.0.1", 0, false);
    target.start();
    target.serve(targetEngine);

    ServerOptions options =
        ServerOptions.parse(
            new String[] {
              "--port",
              "0",
              "--record",
              recordings.toString(),
              "--target",
              "http://127.0.0.1:" + target.port(),
              "--token",
              OTHER_SECRET
            },
            Map.<String, String>of()::get);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (RecordingProxy recorder =
        SpaceScopeFakeServer.record(options, new PrintStream(out, true, StandardCharsets.UTF_8))) {
      String base = "http://127.0.0.1:" + recorder.port();
      recordedPower = RawHttp.get(base, POWER, "Bearer " + TOKEN);
      RawHttp.get(base, BASE_FEE, "Bearer " + TOKEN);
      RawHttp.get(base, TOKEN_IN_QUERY, "Bearer " + TOKEN);
      RawHttp.get(base, BLOCK_REWARD, "Bearer " + TOKEN);
      RawHttp.get(base, POWER + "&api_key=" + OTHER_SECRET, null); // 401 from the target
    }
    report = out.toString(StandardCharsets.UTF_8);
    System.out.print(report); // the recorder's report, as a user sees it (token-free)
  }

  @AfterAll
  static void stopTheTarget() {
    target.stop();
  }

  /** Our spec with a field added, a type changed and a result code added. */
  private static String targetSpec() throws IOException {
    String yaml;
    try (InputStream in =
        ApiSpec.class.getClassLoader().getResourceAsStream(ApiSpec.CLASSPATH_LOCATION)) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int row = yaml.indexOf("    NetworkStorageCapacityRow:");
    int props = yaml.indexOf("      properties:\n", row) + "      properties:\n".length();
    String added =
        "        sealing_queue_bytes: {type: number, x-typical-magnitude: 3.0e+15,"
            + " x-whole-number: true}\n";
    yaml = yaml.substring(0, props) + added + yaml.substring(props);
    int raw = yaml.indexOf("        total_raw_bytes_power:", props);
    int end = yaml.indexOf('\n', raw);
    yaml =
        yaml.substring(0, raw)
            + "        total_raw_bytes_power: {type: string}"
            + yaml.substring(end);
    return yaml.replace(
        "\"30004\": not-ready", "\"30004\": not-ready\n        \"40001\": new-limit");
  }

  @Test
  void theClientGetsTheTargetsAnswerUnchanged() {
    assertThat(recordedPower.statusCode()).isEqualTo(200);
    assertThat(RawHttp.json(recordedPower).get("data")).hasSize(3);
    assertThat(RawHttp.json(recordedPower).get("data").get(0).has("sealing_queue_bytes")).isTrue();
    assertThat(targetEngine.requests()).hasSize(5); // every request reached the target
  }

  @Test
  void theReportNamesEachDifferenceFromTheSpec() {
    assertThat(report)
        .contains("recorded GET /v2/power/network_storage_capacity")
        .contains(
            "spec drift: GET /v2/power/network_storage_capacity: field 'sealing_queue_bytes' is not"
                + " in the spec in 3 of 3 rows")
        .contains("field 'total_raw_bytes_power' is a string, the spec says number in 3 of 3 rows")
        .contains("spec drift: GET /v2/gas/network_base_fee: code 40001 is not a result code")
        .contains(
            "spec drift: GET /v2/economics/block_reward: HTTP 429 with a body that is not a JSON"
                + " envelope")
        .contains("recorder: 5 answers recorded in");
    assertThat(report).doesNotContain(TOKEN).doesNotContain(OTHER_SECRET);
  }

  @Test
  void noRecordedFileHoldsTheToken() throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.list(recordings)) {
      files = all.toList();
    }
    assertThat(files).hasSize(5).allMatch(f -> f.toString().endsWith(".json"));
    for (Path f : files) {
      String content = Files.readString(f, StandardCharsets.UTF_8);
      assertThat(content)
          .as(f.toString())
          .doesNotContain(TOKEN)
          .doesNotContain(OTHER_SECRET)
          .doesNotContainIgnoringCase("\"authorization\" :"); // no request header is stored
    }
    assertThat(files)
        .anySatisfy(
            f -> assertThat(Files.readString(f)).contains("\"token\" : [ \"<redacted>\" ]"));
  }

  @Test
  void replayServesTheRecordedBytesAndFallsBackToSyntheticRows() {
    try (SpaceScopeFake fake = SpaceScopeFake.builder().replay(recordings).start()) {
      HttpResponse<byte[]> replayed = RawHttp.get(fake, POWER);
      assertThat(replayed.statusCode()).isEqualTo(200);
      assertThat(replayed.body()).isEqualTo(recordedPower.body());

      HttpResponse<byte[]> other =
          RawHttp.get(
              fake, "/v2/power/network_storage_capacity?start_date=2022-07-04&end_date=2022-07-04");
      assertThat(RawHttp.json(other).get("code").asInt()).isZero();
      assertThat(RawHttp.json(other).get("data").get(0).has("sealing_queue_bytes")).isFalse();

      assertThat(RawHttp.get(fake.baseUrl(), POWER, "Bearer not-the-token").statusCode())
          .as("the token is still checked")
          .isEqualTo(401);
    }
  }

  @Test
  void replayOnlyAnswersOtherRequestsWith404() {
    try (SpaceScopeFake fake = SpaceScopeFake.builder().replayOnly(recordings).start()) {
      assertThat(RawHttp.get(fake, POWER).body()).isEqualTo(recordedPower.body());
      HttpResponse<byte[]> other =
          RawHttp.get(
              fake, "/v2/power/network_storage_capacity?start_date=2022-07-04&end_date=2022-07-04");
      assertThat(other.statusCode()).isEqualTo(404);
      assertThat(RawHttp.json(other).get("code").asInt()).isEqualTo(30002);
      assertThat(RawHttp.json(other).get("message").asText()).contains("no recorded answer");
    }
  }

  @Test
  void theStandaloneServerReplaysToo() {
    ServerOptions options =
        ServerOptions.parse(
            new String[] {
              "--port", "0", "--replay", recordings.toString(), "--replay-misses", "not-found"
            },
            Map.<String, String>of()::get);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SpaceScopeFake fake =
        SpaceScopeFakeServer.start(options, new PrintStream(out, true, StandardCharsets.UTF_8))) {
      assertThat(RawHttp.get(fake, POWER).body()).isEqualTo(recordedPower.body());
      assertThat(RawHttp.get(fake, BASE_FEE).body())
          .asString(StandardCharsets.UTF_8)
          .contains("\"code\":40001");
      HttpResponse<byte[]> limited = RawHttp.get(fake, BLOCK_REWARD);
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("retry-after")).hasValue("7");
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Replaying the recordings in");
  }

  @Test
  void aMissingDirectoryIsRefusedBeforeAnythingStarts() {
    Path nowhere = recordings.resolve("nowhere");
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> SpaceScopeFake.builder().replay(nowhere).start())
        .withMessageContaining(nowhere.toString());
  }
}
