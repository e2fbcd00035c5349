package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.FeignException;
import io.github.spacescopejava.generated.SpaceScopeJson;
import io.github.spacescopejava.generated.api.DealsApi;
import io.github.spacescopejava.generated.api.GasApi;
import io.github.spacescopejava.generated.api.PowerApi;
import io.github.spacescopejava.generated.api.StorageProviderApi;
import io.github.spacescopejava.generated.api.V1CapacityServicesApi;
import io.github.spacescopejava.generated.model.DealSnapshot;
import io.github.spacescopejava.generated.model.DealSnapshotRow;
import io.github.spacescopejava.generated.model.Envelope;
import io.github.spacescopejava.generated.model.NetworkBaseFee;
import io.github.spacescopejava.generated.model.NetworkStorageCapacity;
import io.github.spacescopejava.generated.model.ProviderPower;
import io.github.spacescopejava.generated.model.SectorsScheduleExpiration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The API's rules, each through the generated client (or java.net.http where it cannot). */
@SpaceScopeFakeTest(
    clock = "2022-07-10T00:00:00Z",
    expiredTokens = RulesTest.EXPIRED,
    failOnInvalidRequests = false)
class RulesTest {
  static final String EXPIRED = "ghp_expiredTokenOfTheTests";
  private static final ObjectMapper JSON = SpaceScopeJson.newObjectMapper();
  private static final String V2_POWER = "/v2/power/network_storage_capacity";

  @Nested
  class Authorization {
    @ParameterizedTest(name = "[{0}]")
    @NullSource
    @ValueSource(
        strings = {
          "",
          "Bearer",
          "Bearer ",
          "Token " + SpaceScopeFake.GUIDE_TOKEN,
          SpaceScopeFake.GUIDE_TOKEN,
          "Bearer two words",
          "Basic Z2hwOnNlY3JldA=="
        })
    void headerThatIsNotBearerTokenGets401With10011(String header, SpaceScopeFake fake) {
      HttpResponse<byte[]> response = RawHttp.get(fake.baseUrl(), V2_POWER, header);

      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(RawHttp.json(response).get("code").asInt()).isEqualTo(10011);
    }

    @Test
    void theSchemeIsCaseInsensitiveAsHttpSays(SpaceScopeFake fake) {
      HttpResponse<byte[]> response =
          RawHttp.get(fake.baseUrl(), V2_POWER, "bearer " + fake.token());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(RawHttp.json(response).get("code").asInt()).isZero();
    }

    @Test
    void tokenWithASpaceThroughTheGeneratedClientGets401With10011(SpaceScopeFake fake) {
      FeignException e =
          catchThrowableOfType(
              FeignException.class,
              () ->
                  Clients.api(PowerApi.class, fake, "two words")
                      .networkStorageCapacity(null, null));

      assertThat(e.status()).isEqualTo(401);
      assertThat(code(e)).isEqualTo(10011);
    }

    @Test
    void expiredTokenGets401With10012(SpaceScopeFake fake) {
      FeignException e =
          catchThrowableOfType(
              FeignException.class,
              () -> Clients.api(PowerApi.class, fake, EXPIRED).networkStorageCapacity(null, null));

      assertThat(e.status()).isEqualTo(401);
      assertThat(code(e)).isEqualTo(10012);
    }

    @Test
    void unknownTokenGets401With10012(SpaceScopeFake fake) {
      FeignException e =
          catchThrowableOfType(
              FeignException.class,
              () ->
                  Clients.api(PowerApi.class, fake, "ghp_someoneElsesToken")
                      .networkStorageCapacity(null, null));

      assertThat(e.status()).isEqualTo(401);
      assertThat(code(e)).isEqualTo(10012);
    }

    @Test
    void theGuidesPublicTokenIsValidByDefault(SpaceScopeFake fake) {
      assertThat(fake.token()).isEqualTo("ghp_xJtTSVcNRJINLWMmfDangcIFCjqPUNZenoVe");
      assertThat(Clients.api(PowerApi.class, fake).networkStorageCapacity(null, null).getCode())
          .isZero();
    }
  }

  @Nested
  class Windows {
    /** The docs say "under 90 days"; the live server accepts start..start+90 (D20). */
    @ParameterizedTest(name = "v2 (90 days, 91 accepted) {0}..{1} -> code {2}, {3} rows")
    @CsvSource({
      "2022-04-03, 2022-07-01, 0,     90",
      "2022-04-02, 2022-07-01, 0,     91",
      "2022-04-01, 2022-07-01, 30002, 0",
      "2022-07-01, 2022-07-01, 0,     1",
      "2022-07-02, 2022-07-01, 30002, 0"
    })
    void dayWindowOfTheV2PowerEndpoint(
        LocalDate start, LocalDate end, int code, int rows, SpaceScopeFake fake) {
      NetworkStorageCapacity r =
          Clients.api(PowerApi.class, fake).networkStorageCapacity(start, end);

      assertThat(r.getCode()).isEqualTo(code);
      assertThat(r.getData() == null ? 0 : r.getData().size()).isEqualTo(rows);
    }

    @ParameterizedTest(name = "v1 (31 days) {0}..{1} -> code {2}")
    @CsvSource({"2022-06-01, 2022-07-01, 0", "2022-05-31, 2022-07-01, 30002"})
    @SuppressWarnings("deprecation") // v1 is deprecated upstream and still served
    void dayWindowOfAV1Endpoint(LocalDate start, LocalDate end, int code, SpaceScopeFake fake) {
      assertThat(
              Clients.api(V1CapacityServicesApi.class, fake)
                  .networkStorageCapacity(start, end)
                  .getCode())
          .isEqualTo(code);
    }

    @ParameterizedTest(name = "{0}..{1} -> code {2}, {3} rows")
    @CsvSource({
      "2022-06-01T00:00:00Z, 2022-07-01T00:00:00Z, 0,     721",
      "2022-06-01T00:00:00Z, 2022-07-01T01:00:00Z, 30002, 0",
      "2022-07-01T05:00:00Z, 2022-07-01T04:00:00Z, 30002, 0",
      "2022-07-01T23:00:00Z, 2022-07-01T23:00:00Z, 0,     1"
    })
    void hourlyWindowIsAtMostThirtyDaysOfHours(
        String start, String end, int code, int rows, SpaceScopeFake fake) {
      NetworkBaseFee r = Clients.api(GasApi.class, fake).networkBaseFee(start, end);

      assertThat(r.getCode()).isEqualTo(code);
      assertThat(r.getData() == null ? 0 : r.getData().size()).isEqualTo(rows);
    }

    @Test
    void absentDatesMeanTheLatestAvailableDay(SpaceScopeFake fake) {
      NetworkStorageCapacity r =
          Clients.api(PowerApi.class, fake).networkStorageCapacity(null, null);

      assertThat(r.getData())
          .singleElement()
          .satisfies(
              row ->
                  assertThat(row.getStatDate().toLocalDate()).isEqualTo(LocalDate.of(2022, 7, 8)));
    }

    @Test
    void absentHoursMeanTheHoursOfTheLatestAvailableDay(SpaceScopeFake fake) {
      NetworkBaseFee r = Clients.api(GasApi.class, fake).networkBaseFee(null, null);

      assertThat(r.getData()).hasSize(24);
      assertThat(r.getData().get(0).getHourDate().toInstant()).isEqualTo("2022-07-08T00:00:00Z");
    }
  }

  /** No row is dated before mainnet's first day (info.x-first-day-with-data), D23. */
  @Nested
  class BeforeMainnet {
    @Test
    void aWindowBeforeMainnetHasNoRows(SpaceScopeFake fake) {
      NetworkStorageCapacity r =
          Clients.api(PowerApi.class, fake)
              .networkStorageCapacity(LocalDate.of(2019, 6, 1), LocalDate.of(2019, 6, 30));

      assertThat(r.getCode()).isZero();
      assertThat(r.getData()).isEmpty();
    }

    @Test
    void aWindowAcrossMainnetStartsOnItsFirstDay(SpaceScopeFake fake) {
      NetworkStorageCapacity r =
          Clients.api(PowerApi.class, fake)
              .networkStorageCapacity(LocalDate.of(2020, 8, 20), LocalDate.of(2020, 8, 26));

      assertThat(r.getCode()).isZero();
      assertThat(r.getData())
          .extracting(row -> row.getStatDate().toLocalDate())
          .containsExactly(
              LocalDate.of(2020, 8, 24), LocalDate.of(2020, 8, 25), LocalDate.of(2020, 8, 26));
    }

    @Test
    void aStateDayBeforeMainnetHasNoRows(SpaceScopeFake fake) {
      ProviderPower r =
          Clients.api(StorageProviderApi.class, fake).power(LocalDate.of(2019, 12, 31), null);

      assertThat(r.getCode()).isZero();
      assertThat(r.getData()).isEmpty();
    }

    @Test
    void hoursBeforeMainnetHaveNoRows(SpaceScopeFake fake) {
      NetworkBaseFee r =
          Clients.api(GasApi.class, fake)
              .networkBaseFee("2020-08-23T20:00:00Z", "2020-08-24T01:00:00Z");

      assertThat(r.getCode()).isZero();
      assertThat(r.getData()).hasSize(2);
    }
  }

  @Nested
  class MalformedValues {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"start_date=2022-7-1", "start_date=2022-02-30", "end_date=yesterday"})
    void malformedDateGets30002WithTheValidatorsReason(String query, SpaceScopeFake fake) {
      JsonNode body = RawHttp.json(RawHttp.get(fake, V2_POWER + "?" + query));

      assertThat(body.get("code").asInt()).isEqualTo(30002);
      assertThat(body.get("message").asText()).contains("date");
      assertThat(fake.invalidRequests())
          .singleElement()
          .satisfies(r -> assertThat(r.violations()).isNotEmpty());
    }

    @Test
    void malformedProviderIdGets30002(SpaceScopeFake fake) {
      ProviderPower r = Clients.api(StorageProviderApi.class, fake).power(null, "t01234");

      assertThat(r.getCode()).isEqualTo(30002);
      assertThat(r.getMessage()).contains("t01234");
    }

    @Test
    void hourNotOnTheHourGets30002(SpaceScopeFake fake) {
      assertThat(
              Clients.api(GasApi.class, fake)
                  .networkBaseFee("2022-07-01T00:30:00Z", null)
                  .getCode())
          .isEqualTo(30002);
    }
  }

  @Nested
  class Availability {
    @ParameterizedTest(name = "at {0} day {1} -> code {2}")
    @CsvSource({
      "2022-07-02T20:59:59Z, 2022-07-01, 30004",
      "2022-07-02T21:00:00Z, 2022-07-01, 0",
      "2022-07-02T21:00:00Z, 2022-07-02, 30004",
      "2022-07-03T21:00:00Z, 2022-07-02, 0"
    })
    void dayDIsServedFrom2100UtcOnDayDPlusOne(
        Instant now, LocalDate day, int code, SpaceScopeFake fake) {
      fake.setClock(now);

      assertThat(Clients.api(PowerApi.class, fake).networkStorageCapacity(day, day).getCode())
          .isEqualTo(code);
    }

    @Test
    void windowEndingAfterTheCutOffGets30004EvenIfItStartsBefore(SpaceScopeFake fake) {
      NetworkStorageCapacity r =
          Clients.api(PowerApi.class, fake)
              .networkStorageCapacity(LocalDate.of(2022, 7, 1), LocalDate.of(2022, 7, 9));

      assertThat(r.getCode()).isEqualTo(30004);
      assertThat(r.getMessage()).contains("2022-07-09");
    }

    @Test
    void advancingTheClockPastTheCutOffMakesTheDayAvailable(SpaceScopeFake fake) {
      fake.setClock(Instant.parse("2022-07-02T20:00:00Z"));
      PowerApi power = Clients.api(PowerApi.class, fake);
      LocalDate day = LocalDate.of(2022, 7, 1);
      assertThat(power.networkStorageCapacity(day, day).getCode()).isEqualTo(30004);

      fake.advanceClock(Duration.ofHours(1));

      assertThat(power.networkStorageCapacity(day, day).getCode()).isZero();
      assertThat(fake.latestAvailableDay()).isEqualTo(day);
    }

    @Test
    void stateDayAfterTheCutOffGets30004(SpaceScopeFake fake) {
      assertThat(
              Clients.api(StorageProviderApi.class, fake)
                  .power(LocalDate.of(2022, 7, 9), "f01234")
                  .getCode())
          .isEqualTo(30004);
    }

    @Test
    void hourOfADayAfterTheCutOffGets30004(SpaceScopeFake fake) {
      assertThat(
              Clients.api(GasApi.class, fake)
                  .networkBaseFee("2022-07-08T23:00:00Z", "2022-07-09T00:00:00Z")
                  .getCode())
          .isEqualTo(30004);
    }

    @Test
    void operationThatAllowsFutureDatesServesDaysAfterTheCutOff(SpaceScopeFake fake) {
      LocalDate start = fake.latestAvailableDay().plusDays(100);
      SectorsScheduleExpiration r =
          Clients.api(PowerApi.class, fake).sectorsScheduleExpiration(start, start.plusDays(30));

      assertThat(r.getCode()).isZero();
      assertThat(r.getData()).hasSize(31);
      assertThat(r.getData().get(30).getInterestDate())
          .isEqualTo(start.plusDays(30).atStartOfDay().atOffset(ZoneOffset.UTC));
    }
  }

  @Nested
  @SuppressWarnings("deprecation") // the deal search is deprecated upstream and still served
  class DealSearch {
    @Test
    void searchWithoutAFilterGets30002(SpaceScopeFake fake) {
      DealSnapshot r =
          Clients.api(DealsApi.class, fake).dealSnapshot(10, 0, null, null, null, null, null, null);

      assertThat(r.getCode()).isEqualTo(30002);
      assertThat(r.getMessage()).contains("deal_id", "provider_address");
    }

    @Test
    void searchByDealIdFindsThatOneDeal(SpaceScopeFake fake) {
      DealSnapshot r =
          Clients.api(DealsApi.class, fake)
              .dealSnapshot(10, 0, 4_242_424L, null, null, null, null, null);

      assertThat(r.getData())
          .singleElement()
          .satisfies(d -> assertThat(d.getDealId()).isEqualTo(4_242_424L));
    }

    @Test
    void everyDealOfASearchCarriesTheFilterValues(SpaceScopeFake fake) {
      DealSnapshot r =
          Clients.api(DealsApi.class, fake)
              .dealSnapshot(50, 1, null, null, "f0777001", null, "f0888002", null);

      assertThat(r.getData())
          .hasSize(50)
          .allSatisfy(
              d -> {
                assertThat(d.getClientId()).isEqualTo("f0777001");
                assertThat(d.getProviderId()).isEqualTo("f0888002");
              });
    }

    @Test
    void pagesAreConsecutiveSlicesOfOnePopulationOrderedByDealId(SpaceScopeFake fake) {
      DealsApi deals = Clients.api(DealsApi.class, fake);
      List<DealSnapshotRow> twenty =
          deals.dealSnapshot(20, 0, null, null, null, null, "f01234", null).getData();
      List<DealSnapshotRow> thirdPageOfFive =
          deals.dealSnapshot(5, 2, null, null, null, null, "f01234", null).getData();

      assertThat(thirdPageOfFive).isEqualTo(twenty.subList(10, 15));
      assertThat(twenty).extracting(DealSnapshotRow::getDealId).isSorted().doesNotHaveDuplicates();
    }
  }

  private static int code(FeignException e) {
    try {
      return JSON.readValue(e.contentUTF8(), Envelope.class).getCode();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
