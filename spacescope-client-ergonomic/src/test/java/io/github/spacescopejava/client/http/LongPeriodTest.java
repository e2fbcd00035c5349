package io.github.spacescopejava.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.DealSearch;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.ProviderId;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.model.CirculatingSupplyRow;
import io.github.spacescopejava.generated.model.DealSnapshotRow;
import io.github.spacescopejava.generated.model.NetworkBaseFeeRow;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import io.github.spacescopejava.generated.model.ProviderPowerRow;
import io.github.spacescopejava.testkit.RecordedRequest;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LongPeriodTest {
  @RegisterExtension
  static final SpaceScopeFakeExtension FAKE =
      SpaceScopeFakeExtension.builder()
          .clock(Instant.parse("2025-01-02T00:00:00Z")) // 2024-12-31 is published
          .providerPopulation(40)
          .failOnInvalidRequests(true)
          .build();

  private SpaceScope spacescope;

  @BeforeEach
  void client(SpaceScopeFake fake) {
    spacescope = Clients.against(fake).build();
  }

  @AfterEach
  void close() {
    spacescope.close();
  }

  /**
   * The requests to one path. A stream closed early in another test may still have a request on the
   * wire when the next test starts; filtering by path keeps tests independent.
   */
  private static List<RecordedRequest> requestsTo(SpaceScopeFake fake, String path) {
    return fake.requests().stream().filter(r -> r.path().equals(path)).toList();
  }

  @Test
  void fourYearsArriveEveryDayOnceInOrderWithNoWindowOverTheLimit(SpaceScopeFake fake) {
    DateRange fourYears = DateRange.of(LocalDate.of(2021, 1, 1), LocalDate.of(2024, 12, 31));

    List<NetworkStorageCapacityRow> rows = spacescope.power().networkStorageCapacity(fourYears);

    assertThat(rows).hasSize(1461);
    assertThat(rows)
        .extracting(NetworkStorageCapacityRow::getStatDateAsLocalDate)
        .containsExactlyElementsOf(fourYears.dates().toList());
    List<RecordedRequest> requests = requestsTo(fake, "/v2/power/network_storage_capacity");
    assertThat(requests)
        .hasSize(17)
        .allSatisfy(
            r -> {
              assertThat(r.path()).isEqualTo("/v2/power/network_storage_capacity");
              LocalDate start = LocalDate.parse(r.queryParameter("start_date"));
              LocalDate end = LocalDate.parse(r.queryParameter("end_date"));
              assertThat(ChronoUnit.DAYS.between(start, end) + 1).isBetween(1L, 90L);
            });
  }

  @Test
  void streamingHandsOverTheSameRowsWindowByWindow(SpaceScopeFake fake) {
    DateRange year = DateRange.year(2023);

    List<LocalDate> streamed;
    try (Stream<NetworkStorageCapacityRow> rows =
        spacescope.power().networkStorageCapacityStream(year)) {
      streamed = rows.map(NetworkStorageCapacityRow::getStatDateAsLocalDate).toList();
    }

    assertThat(streamed).containsExactlyElementsOf(year.dates().toList());
    assertThat(requestsTo(fake, "/v2/power/network_storage_capacity")).hasSize(5);
  }

  @Test
  void stoppingAStreamEarlyLeavesTheRestUnfetched(SpaceScopeFake fake) {
    // Its own endpoint: a window still on the wire when this test ends cannot disturb another.
    DateRange years = DateRange.of(LocalDate.of(2021, 1, 1), LocalDate.of(2024, 12, 31));

    try (Stream<CirculatingSupplyRow> rows =
        spacescope.circulatingSupply().circulatingSupplyStream(years)) {
      assertThat(rows.limit(10)).hasSize(10);
    }

    // The first window and at most the read-ahead of the concurrency limit (4): not all 17.
    assertThat(requestsTo(fake, "/v2/circulating_supply/circulating_supply").size())
        .isBetween(1, 4);
  }

  @Test
  void hourlyRangesAreSplitByTheHourlyRule(SpaceScopeFake fake) {
    HourRange hours =
        HourRange.ofDays(DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 31)));

    List<NetworkBaseFeeRow> rows = spacescope.gas().networkBaseFee(hours);

    assertThat(rows).hasSize((int) hours.hours());
    assertThat(rows)
        .extracting(NetworkBaseFeeRow::getHourDate)
        .extracting(t -> t.toInstant())
        .containsExactlyElementsOf(hours.instants().toList());
    assertThat(requestsTo(fake, "/v2/gas/network_base_fee"))
        .hasSize(4)
        .allSatisfy(
            r -> {
              Instant start = Instant.parse(r.queryParameter("start_hour"));
              Instant end = Instant.parse(r.queryParameter("end_hour"));
              assertThat(ChronoUnit.HOURS.between(start, end)).isLessThanOrEqualTo(30 * 24);
            });
  }

  @Test
  void stateDaysOverAPeriodWithoutAProviderGiveEveryProviderEveryDay(SpaceScopeFake fake) {
    DateRange week = DateRange.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 7));

    List<ProviderPowerRow> rows = spacescope.storageProvider().power(week);

    assertThat(rows).hasSize(7 * 40);
    assertThat(rows).extracting(ProviderPowerRow::getStatDateAsLocalDate).isSorted();
    assertThat(requestsTo(fake, "/v2/storage_provider/power"))
        .hasSize(7)
        .extracting(r -> r.queryParameter("state_date"))
        .containsExactlyInAnyOrderElementsOf(week.dates().map(LocalDate::toString).toList());
    assertThat(requestsTo(fake, "/v2/storage_provider/power"))
        .allSatisfy(r -> assertThat(r.queryParameter("miner_id")).isNull());
  }

  @Test
  void stateDaysOverAPeriodForOneProviderGiveOneRowPerDay(SpaceScopeFake fake) {
    DateRange week = DateRange.of(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 7));

    List<ProviderPowerRow> rows =
        spacescope.storageProvider().power(week, ProviderId.of("f0110804"));

    assertThat(rows).hasSize(7).extracting(ProviderPowerRow::getMinerId).containsOnly("f0110804");
    assertThat(rows)
        .extracting(ProviderPowerRow::getStatDateAsLocalDate)
        .containsExactlyElementsOf(week.dates().toList());
    assertThat(requestsTo(fake, "/v2/storage_provider/power"))
        .hasSize(7)
        .allSatisfy(r -> assertThat(r.queryParameter("miner_id")).isEqualTo("f0110804"));
  }

  @Test
  @SuppressWarnings("deprecation") // the deal search is deprecated upstream, and tested still
  void dealSearchWalksEveryPageAndStopsAfterTheLast(SpaceScopeFake fake) {
    // Learn how many deals the fake holds for one provider, then page through them in thirds.
    String provider =
        spacescope
            .deals()
            .dealSnapshot(DealSearch.builder().dealId(1).build())
            .findFirst()
            .map(DealSnapshotRow::getProviderId)
            .orElseThrow();
    fake.resetRequests();
    long total =
        spacescope
            .deals()
            .dealSnapshot(DealSearch.builder().providerId(provider).pageSize(1000).build())
            .count();
    assertThat(total).isGreaterThanOrEqualTo(3);
    int pageSize = (int) Math.ceil(total / 3.0);
    fake.resetRequests();

    List<DealSnapshotRow> deals =
        spacescope
            .deals()
            .dealSnapshot(DealSearch.builder().providerId(provider).pageSize(pageSize).build())
            .toList();

    assertThat(deals)
        .hasSize((int) total)
        .extracting(DealSnapshotRow::getProviderId)
        .containsOnly(provider);
    assertThat(deals).extracting(DealSnapshotRow::getDealId).doesNotHaveDuplicates();
    int pages =
        (int) (total / pageSize) + 1; // the last page is short, or empty when total divides evenly
    assertThat(requestsTo(fake, "/v2/deals/deal_snapshot"))
        .extracting(r -> r.queryParameter("page"))
        .containsExactlyElementsOf(
            Stream.iterate(0, p -> p + 1).limit(pages).map(String::valueOf).toList());
  }
}
