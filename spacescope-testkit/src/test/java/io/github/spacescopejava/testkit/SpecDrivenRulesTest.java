package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.spacescopejava.testkit.internal.ApiSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules the fake enforces live in the spec: a fake started on an edited copy of the spec
 * follows the edit, with no Java change.
 */
class SpecDrivenRulesTest {
  private static final Instant CLOCK = Instant.parse("2022-07-10T00:00:00Z");

  @TempDir Path dir;

  private static String spec() {
    try (InputStream in =
        SpecDrivenRulesTest.class
            .getClassLoader()
            .getResourceAsStream(ApiSpec.CLASSPATH_LOCATION)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the one occurrence of {@code old} (after {@code anchor}) in the spec. */
  private static String edit(String spec, String anchor, String old, String replacement) {
    int from = spec.indexOf(anchor);
    assertThat(from).as(anchor).isNotNegative();
    int at = spec.indexOf(old, from);
    assertThat(at).as(old + " after " + anchor).isNotNegative();
    return spec.substring(0, at) + replacement + spec.substring(at + old.length());
  }

  private SpaceScopeFake startOn(String yaml) throws IOException {
    Path file = Files.writeString(dir.resolve("edited.yaml"), yaml);
    return SpaceScopeFake.builder().clock(CLOCK).spec(file).start();
  }

  private static int code(SpaceScopeFake fake, String target) {
    JsonNode envelope = RawHttp.json(RawHttp.get(fake, target));
    return envelope.get("code").asInt();
  }

  @Test
  void theProviderIdPatternComesFromTheSpec() throws IOException {
    String target = "/v2/storage_provider/power?state_date=2022-07-01&miner_id=t01234";
    String edited =
        edit(spec(), "    MinerId:", "pattern: '^f0[0-9]{1,19}$'", "pattern: '^[ft]0[0-9]{1,19}$'");
    try (SpaceScopeFake original = SpaceScopeFake.builder().clock(CLOCK).start();
        SpaceScopeFake widened = startOn(edited)) {
      assertThat(code(original, target)).isEqualTo(30002);
      assertThat(code(widened, target)).isZero();
      assertThat(RawHttp.json(RawHttp.get(widened, target)).at("/data/0/miner_id").asText())
          .isEqualTo("t01234");
    }
  }

  @Test
  void theDealSearchPageSizeBoundComesFromTheSpec() throws IOException {
    String small = "/v2/deals/deal_snapshot?page_size=100&provider_id=f01234";
    String large = "/v2/deals/deal_snapshot?page_size=2000&provider_id=f01234";
    String lowered = edit(spec(), "    PageSize:", "maximum: 1000", "maximum: 50");
    String raised = edit(spec(), "    PageSize:", "maximum: 1000", "maximum: 5000");
    try (SpaceScopeFake original = SpaceScopeFake.builder().clock(CLOCK).start()) {
      assertThat(code(original, small)).isZero();
      assertThat(code(original, large)).isEqualTo(30002);
    }
    try (SpaceScopeFake fifty = startOn(lowered)) {
      assertThat(code(fifty, small)).isEqualTo(30002);
      assertThat(code(fifty, "/v2/deals/deal_snapshot?page_size=50&provider_id=f01234")).isZero();
    }
    try (SpaceScopeFake fiveThousand = startOn(raised)) {
      JsonNode page = RawHttp.json(RawHttp.get(fiveThousand, large));
      assertThat(page.get("code").asInt()).isZero();
      assertThat(page.get("data")).hasSize(SpaceScopeFake.DEFAULT_DEAL_POPULATION);
    }
  }

  @Test
  void theDealSearchFiltersRequiredComeFromTheSpec() throws IOException {
    String byProvider = "/v2/deals/deal_snapshot?page_size=10&provider_id=f01234";
    String unfiltered = "/v2/deals/deal_snapshot?page_size=10";
    String onlyDealId =
        edit(
            spec(),
            "x-requires-one-of:",
            "[deal_id, piece_cid, client_id, client_address, provider_id, provider_address]",
            "[deal_id]");
    String none =
        edit(
            spec(),
            "      x-requires-one-of:",
            "      x-requires-one-of: [deal_id, piece_cid, client_id, client_address, provider_id,"
                + " provider_address]\n",
            "");
    try (SpaceScopeFake original = SpaceScopeFake.builder().clock(CLOCK).start()) {
      assertThat(code(original, byProvider)).isZero();
      JsonNode refused = RawHttp.json(RawHttp.get(original, unfiltered));
      assertThat(refused.get("code").asInt()).isEqualTo(30002);
      assertThat(refused.get("message").asText())
          .contains(
              "at least one of deal_id, piece_cid, client_id, client_address, provider_id,"
                  + " provider_address");
    }
    try (SpaceScopeFake dealIdOnly = startOn(onlyDealId)) {
      assertThat(code(dealIdOnly, byProvider)).isEqualTo(30002);
      assertThat(code(dealIdOnly, "/v2/deals/deal_snapshot?page_size=10&deal_id=42")).isZero();
    }
    try (SpaceScopeFake unrestricted = startOn(none)) {
      assertThat(code(unrestricted, unfiltered)).isZero();
    }
  }

  @Test
  void thePublicationDelayComesFromTheSpec() throws IOException {
    Instant night = Instant.parse("2022-07-10T03:00:00Z");
    String dayBefore =
        "/v2/power/network_storage_capacity?start_date=2022-07-09&end_date=2022-07-09";
    Path edited =
        Files.writeString(
            dir.resolve("early.yaml"),
            edit(spec(), "info:", "x-publication-delay: PT21H", "x-publication-delay: PT2H"));
    try (SpaceScopeFake original = SpaceScopeFake.builder().clock(night).start();
        SpaceScopeFake early = SpaceScopeFake.builder().clock(night).spec(edited).start()) {
      assertThat(original.latestAvailableDay()).isEqualTo("2022-07-08");
      assertThat(code(original, dayBefore)).isEqualTo(30004);
      assertThat(early.latestAvailableDay()).isEqualTo("2022-07-09");
      assertThat(code(early, dayBefore)).isZero();
    }
  }

  @Test
  void theAcceptedWindowComesFromTheSpec() throws IOException {
    String hundredDays =
        "/v2/power/network_storage_capacity?start_date=2022-03-24&end_date=2022-07-01";
    String edited =
        edit(
            spec(),
            "  /v2/power/network_storage_capacity:",
            "x-accepted-window-days: 91",
            "x-accepted-window-days: 100");
    try (SpaceScopeFake original = SpaceScopeFake.builder().clock(CLOCK).start();
        SpaceScopeFake widened = startOn(edited)) {
      assertThat(code(original, hundredDays)).isEqualTo(30002);
      assertThat(RawHttp.json(RawHttp.get(widened, hundredDays)).get("data")).hasSize(100);
    }
  }
}
