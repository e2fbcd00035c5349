package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the requests of pystarboard (protocol/pystarboard, {@code data_spacescope.py}), a client
 * nobody here wrote that is used against the live API, over HTTP with its exact URLs and header:
 *
 * <ul>
 *   <li>its v2 day ranges in windows from {@code start} to {@code start + 90 days} (91 days
 *       inclusive), from {@code NETWORK_START} (2020-10-15) to two days ago, every window required
 *       to succeed;
 *   <li>{@code /v2/power/sectors_schedule_expiration} with no dates, expecting the whole schedule.
 * </ul>
 *
 * The fake must give it what the evidence says the live API gives (docs/decisions.md, D20, D21).
 */
@SpaceScopeFakeTest(clock = "2024-03-15T12:00:00Z")
class PystarboardRequestsTest {
  /** {@code NETWORK_START} in pystarboard's {@code data.py}. */
  private static final LocalDate NETWORK_START = LocalDate.of(2020, 10, 15);

  /** {@code DEFAULT_SPACESCOPE_CHUNK_SIZE_IN_DAYS}. */
  private static final int CHUNK_DAYS = 90;

  /** pystarboard's README: the config's {@code auth_key} is the whole header value. */
  private static String authorization(SpaceScopeFake fake) {
    return "Bearer " + fake.token();
  }

  /** A port of {@code SpacescopeDataConnection.chunk_dates}. */
  static List<LocalDate[]> chunkDates(LocalDate start, LocalDate end, int chunkDays) {
    List<LocalDate[]> chunks = new ArrayList<>();
    LocalDate chunkStart = start;
    while (!chunkStart.isAfter(end)) {
      LocalDate chunkEnd = chunkStart.plusDays(chunkDays);
      if (chunkEnd.isAfter(end)) {
        chunkEnd = end;
      }
      chunks.add(new LocalDate[] {chunkStart, chunkEnd});
      chunkStart = chunkEnd.plusDays(1);
    }
    return chunks;
  }

  @Test
  void thePortedChunkingSendsNinetyOneDayWindows() {
    List<LocalDate[]> chunks = chunkDates(NETWORK_START, LocalDate.of(2021, 12, 31), CHUNK_DAYS);

    assertThat(chunks.get(0)).containsExactly(NETWORK_START, LocalDate.of(2021, 1, 13));
    assertThat(chunks.get(1)[0]).isEqualTo(LocalDate.of(2021, 1, 14));
  }

  /**
   * {@code url_template} of pystarboard's full-history queries, path and query as it sends them.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/v2/power/network_storage_capacity?end_date=%s&start_date=%s",
        "/v2/circulating_supply/circulating_supply?end_date=%s&start_date=%s",
        "/v2/power/daily_power_onboarding_by_sector_size?end_date=%s&start_date=%s"
      })
  void everyNinetyOneDayWindowOfTheFullHistorySucceeds(String urlTemplate, SpaceScopeFake fake) {
    // end_date = datetime.today() - timedelta(days=2), as in query_historical_*_power
    LocalDate today = fake.clock().instant().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
    LocalDate end = today.minusDays(2);
    List<LocalDate> days = new ArrayList<>();
    List<LocalDate[]> chunks = chunkDates(NETWORK_START, end, CHUNK_DAYS);
    for (LocalDate[] chunk : chunks) {
      String target = urlTemplate.formatted(chunk[1], chunk[0]);
      HttpResponse<byte[]> response = RawHttp.get(fake.baseUrl(), target, authorization(fake));
      JsonNode envelope = RawHttp.json(response);

      assertThat(response.statusCode()).as(target).isEqualTo(200);
      assertThat(envelope.get("code").asInt())
          .as(target + ": " + envelope.get("message").asText())
          .isZero();
      envelope.get("data").forEach(row -> days.add(day(row.get("stat_date"))));
    }

    assertThat(chunks).hasSizeGreaterThan(10);
    assertThat(chunks.get(0)[1]).isEqualTo(chunks.get(0)[0].plusDays(90));
    assertThat(days).hasSize((int) (end.toEpochDay() - NETWORK_START.toEpochDay() + 1));
    assertThat(days).isSorted().doesNotHaveDuplicates();
    assertThat(days.get(0)).isEqualTo(NETWORK_START);
    assertThat(days.get(days.size() - 1)).isEqualTo(end);
    assertThat(fake.invalidRequests()).isEmpty();
  }

  @Test
  void theExpirationScheduleWithoutDatesIsTheWholeSchedule(SpaceScopeFake fake) {
    HttpResponse<byte[]> response =
        RawHttp.get(fake.baseUrl(), "/v2/power/sectors_schedule_expiration", authorization(fake));
    JsonNode envelope = RawHttp.json(response);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(envelope.get("code").asInt()).isZero();
    JsonNode data = envelope.get("data");
    List<LocalDate> days = new ArrayList<>();
    data.forEach(row -> days.add(day(row.get("interest_date"))));
    LocalDate latest = fake.latestAvailableDay();
    // From the first day with data (mainnet, 2020-08-24) to 540 days ahead, as the spec says.
    assertThat(days.get(0)).isEqualTo(LocalDate.of(2020, 8, 24));
    assertThat(days.get(days.size() - 1)).isEqualTo(latest.plusDays(540));
    assertThat(days)
        .hasSize(
            (int) (latest.plusDays(540).toEpochDay() - LocalDate.of(2020, 8, 24).toEpochDay()) + 1)
        .isSorted()
        .doesNotHaveDuplicates();
    // What pystarboard reads from each row.
    assertThat(data.get(0).fieldNames())
        .toIterable()
        .contains(
            "interest_date",
            "extended_bytes",
            "expired_bytes",
            "terminated_bytes",
            "schedule_expire_bytes",
            "extended_bytes_qap",
            "expired_bytes_qap",
            "terminated_bytes_qap",
            "schedule_expire_bytes_qap",
            "extended_pledge",
            "expired_pledge",
            "terminated_pledge",
            "schedule_expire_pledge");
    assertThat(fake.invalidRequests()).isEmpty();
  }

  @Test
  void withDatesTheExpirationScheduleStillHasItsWindow(SpaceScopeFake fake) {
    JsonNode inWindow =
        RawHttp.json(
            RawHttp.get(
                fake,
                "/v2/power/sectors_schedule_expiration?start_date=2024-06-01&end_date=2024-07-01"));
    JsonNode tooLong =
        RawHttp.json(
            RawHttp.get(
                fake,
                "/v2/power/sectors_schedule_expiration?start_date=2024-06-01&end_date=2024-07-02"));

    assertThat(inWindow.get("code").asInt()).isZero();
    assertThat(inWindow.get("data")).hasSize(31);
    assertThat(tooLong.get("code").asInt()).isEqualTo(30002);
  }

  @Test
  void aStrictFakeRefusesPystarboardsWindowsAsTheDocsWouldHaveIt(SpaceScopeFake lenient) {
    String target =
        "/v2/power/network_storage_capacity?end_date=%s&start_date=%s"
            .formatted(NETWORK_START.plusDays(90), NETWORK_START);
    try (SpaceScopeFake strict =
        SpaceScopeFake.builder().clock(lenient.clock().instant()).strictWindows().start()) {
      JsonNode refused = RawHttp.json(RawHttp.get(strict, target));
      JsonNode ninety =
          RawHttp.json(
              RawHttp.get(
                  strict,
                  "/v2/power/network_storage_capacity?end_date=%s&start_date=%s"
                      .formatted(NETWORK_START.plusDays(89), NETWORK_START)));

      assertThat(refused.get("code").asInt()).isEqualTo(30002);
      assertThat(refused.get("message").asText())
          .contains("spans 91 days", "at most 90", "known to accept 91");
      assertThat(ninety.get("code").asInt()).isZero();
      assertThat(ninety.get("data")).hasSize(90);
    }
    JsonNode ninetyTwo =
        RawHttp.json(
            RawHttp.get(
                lenient,
                "/v2/power/network_storage_capacity?end_date=%s&start_date=%s"
                    .formatted(NETWORK_START.plusDays(91), NETWORK_START)));
    assertThat(ninetyTwo.get("code").asInt()).isEqualTo(30002);
    assertThat(ninetyTwo.get("message").asText()).contains("spans 92 days", "at most 91");
  }

  private static LocalDate day(JsonNode value) {
    return OffsetDateTime.parse(value.asText()).toLocalDate();
  }
}
