package io.github.spacescopejava.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.DealSearch;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.InvalidInputException;
import io.github.spacescopejava.client.InvalidInputException.Violation;
import io.github.spacescopejava.client.Operation;
import io.github.spacescopejava.client.OperationRequest;
import io.github.spacescopejava.client.Operations;
import io.github.spacescopejava.client.ProviderId;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generic call, {@code spacescope.fetch(operation, request)}: a request that does not fit the
 * operation is refused before anything is sent, naming the parameter, the value and what the
 * operation takes; one that fits gets the same rows as the typed method, and every operation of the
 * catalog answers through it.
 */
// deals/deal_snapshot is deprecated upstream and still documented: its shape is tested here.
@SuppressWarnings("deprecation")
class GenericCallTest {
  @RegisterExtension
  static final SpaceScopeFakeExtension FAKE =
      SpaceScopeFakeExtension.builder().clock(Instant.parse("2024-06-02T00:00:00Z")).build();

  private static final LocalDate DAY = LocalDate.of(2024, 3, 1);
  private static final DateRange PERIOD = DateRange.of(LocalDate.of(2024, 1, 1), DAY);
  private static final ProviderId PROVIDER = ProviderId.of("f01234");
  private static final DealSearch SEARCH =
      DealSearch.builder().dealId(3408838).pageSize(10).build();

  private SpaceScopeFake fake;

  @BeforeEach
  void fake(SpaceScopeFake fake) {
    this.fake = fake;
  }

  static Stream<Arguments> mismatches() {
    return Stream.of(
        Arguments.of(
            Operations.POWER_NETWORK_STORAGE_CAPACITY,
            OperationRequest.of(HourRange.day(DAY)),
            "request",
            "hours ",
            "power/network_storage_capacity (day-range) takes a period of days"),
        Arguments.of(
            Operations.GAS_NETWORK_BASE_FEE,
            OperationRequest.of(PERIOD),
            "request",
            "a period 2024-01-01 to 2024-03-01",
            "gas/network_base_fee (hourly-range) takes a period of hours"),
        Arguments.of(
            Operations.POWER_NETWORK_STORAGE_CAPACITY,
            OperationRequest.wholeSeries(),
            "request",
            "the whole series",
            "OperationRequest.of(DateRange)"),
        Arguments.of(
            Operations.POWER_NETWORK_STORAGE_CAPACITY,
            OperationRequest.day(DAY),
            "request",
            "the day 2024-03-01",
            "a period of days"),
        Arguments.of(
            Operations.DEALS_DEAL_SNAPSHOT,
            OperationRequest.of(PERIOD),
            "request",
            "a period",
            "deals/deal_snapshot (paged-search) takes a deal search"),
        Arguments.of(
            Operations.STORAGE_PROVIDER_POWER,
            OperationRequest.of(SEARCH),
            "request",
            "a search DealSearch[pageSize=10, dealId=3408838]",
            "a state day or a period"),
        Arguments.of(
            Operations.POWER_NETWORK_STORAGE_CAPACITY,
            OperationRequest.of(PERIOD).withProvider(PROVIDER),
            "provider",
            "f01234",
            "power/network_storage_capacity is network-wide"),
        Arguments.of(
            Operations.POWER_NETWORK_STORAGE_CAPACITY,
            null,
            "request",
            "null",
            "power/network_storage_capacity (day-range) takes"),
        Arguments.of(null, OperationRequest.of(PERIOD), "operation", "null", "Operations.all()"));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("mismatches")
  void aRequestThatDoesNotFitTheOperationIsRefusedBeforeSending(
      Operation<?> op, OperationRequest request, String parameter, String value, String accepted) {
    try (SpaceScope spacescope = Clients.against(fake).build()) {
      for (Runnable call :
          List.<Runnable>of(
              () -> spacescope.fetch(op, request), () -> spacescope.stream(op, request))) {
        assertThatThrownBy(call::run)
            .isInstanceOfSatisfying(
                InvalidInputException.class,
                e ->
                    assertThat(e.violations())
                        .singleElement()
                        .satisfies(
                            v -> {
                              assertThat(v.parameter()).isEqualTo(parameter);
                              assertThat(v.value()).contains(value);
                              assertThat(v.accepted()).contains(accepted);
                            }));
      }
    }
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void theFactoriesRefuseNullByName() {
    assertThat(violation(() -> OperationRequest.of((DateRange) null)))
        .isEqualTo(new Violation("period", "null", "a DateRange"));
    assertThat(violation(() -> OperationRequest.of((HourRange) null)))
        .isEqualTo(new Violation("hours", "null", "an HourRange"));
    assertThat(violation(() -> OperationRequest.day(null)))
        .isEqualTo(new Violation("day", "null", "a LocalDate (UTC)"));
    assertThat(violation(() -> OperationRequest.of((DealSearch) null)))
        .isEqualTo(new Violation("search", "null", "a DealSearch"));
    assertThat(violation(() -> OperationRequest.day(DAY).withProvider(null)))
        .isEqualTo(new Violation("provider", "null", "a ProviderId"));
  }

  @Test
  void aPeriodBeyondTheLatestPublishedDayIsRefusedAsTheTypedMethodRefusesIt() {
    DateRange late = DateRange.of(LocalDate.of(2024, 5, 1), LocalDate.of(2024, 6, 30));
    try (SpaceScope spacescope = Clients.against(fake).build()) {
      Violation generic =
          violation(
              () ->
                  spacescope.fetch(
                      Operations.POWER_NETWORK_STORAGE_CAPACITY, OperationRequest.of(late)));
      Violation typed = violation(() -> spacescope.power().networkStorageCapacity(late));
      assertThat(generic).isEqualTo(typed);
      assertThat(generic.parameter()).isEqualTo("range.end");
    }
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void everyShapeGetsTheTypedMethodsRowsListedOrStreamed() {
    try (SpaceScope c = Clients.against(fake).build()) {
      agree(
          c,
          Operations.POWER_NETWORK_STORAGE_CAPACITY,
          OperationRequest.of(PERIOD),
          c.power().networkStorageCapacity(PERIOD));
      HourRange hours = HourRange.ofDays(DateRange.of(DAY, DAY.plusDays(1)));
      agree(
          c,
          Operations.GAS_NETWORK_BASE_FEE,
          OperationRequest.of(hours),
          c.gas().networkBaseFee(hours));
      agree(
          c,
          Operations.STORAGE_PROVIDER_POWER,
          OperationRequest.day(DAY),
          c.storageProvider().power(DAY));
      DateRange week = DateRange.of(DAY, DAY.plusDays(6));
      agree(
          c,
          Operations.STORAGE_PROVIDER_POWER,
          OperationRequest.of(week),
          c.storageProvider().power(week));
      agree(
          c,
          Operations.STORAGE_PROVIDER_POWER,
          OperationRequest.of(week).withProvider(PROVIDER),
          c.storageProvider().power(week, PROVIDER));
      agree(
          c,
          Operations.STORAGE_PROVIDER_POWER,
          OperationRequest.day(DAY).withProvider(PROVIDER),
          c.storageProvider().power(DAY, PROVIDER));
      agree(
          c,
          Operations.POWER_SECTORS_SCHEDULE_EXPIRATION,
          OperationRequest.wholeSeries(),
          c.power().sectorsScheduleExpiration());
      try (Stream<?> typed = c.deals().dealSnapshot(SEARCH)) {
        agree(c, Operations.DEALS_DEAL_SNAPSHOT, OperationRequest.of(SEARCH), typed.toList());
      }
    }
  }

  static Stream<Arguments> wire() {
    return Stream.of(
        Arguments.of(
            Operations.POWER_NETWORK_STORAGE_CAPACITY,
            OperationRequest.of(DateRange.day(DAY)),
            List.of("start_date=[2024-03-01] end_date=[2024-03-01]")),
        Arguments.of(
            Operations.GAS_NETWORK_BASE_FEE,
            OperationRequest.of(HourRange.day(DAY)),
            List.of("start_hour=[2024-03-01T00:00:00Z] end_hour=[2024-03-01T23:00:00Z]")),
        Arguments.of(
            Operations.STORAGE_PROVIDER_POWER,
            OperationRequest.of(DateRange.of(DAY, DAY.plusDays(1))).withProvider(PROVIDER),
            List.of(
                "state_date=[2024-03-01] miner_id=[f01234]",
                "state_date=[2024-03-02] miner_id=[f01234]")),
        Arguments.of(
            Operations.STORAGE_PROVIDER_POWER,
            OperationRequest.day(DAY),
            List.of("state_date=[2024-03-01]")),
        Arguments.of(
            Operations.POWER_SECTORS_SCHEDULE_EXPIRATION,
            OperationRequest.wholeSeries(),
            List.of("")),
        Arguments.of(
            Operations.DEALS_DEAL_SNAPSHOT,
            OperationRequest.of(SEARCH),
            List.of("page_size=[10] page=[0] deal_id=[3408838]")));
  }

  /** What each request kind puts on the wire: the parameters its roles bind, and nothing else. */
  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("wire")
  void theGenericCallSendsWhatTheRequestCarries(
      Operation<?> op, OperationRequest request, List<String> queries) {
    try (SpaceScope spacescope = Clients.against(fake).build();
        Stream<?> rows = spacescope.stream(op, request)) {
      assertThat(rows.count()).isNotNegative();
    }
    assertThat(fake.requests())
        .allSatisfy(r -> assertThat(r.path()).isEqualTo(op.path()))
        .extracting(
            r ->
                String.join(
                    " ",
                    r.query().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .toList()))
        .containsExactlyInAnyOrderElementsOf(queries);
  }

  @Test
  void everyOperationOfTheCatalogAnswersThroughTheGenericCall() {
    try (SpaceScope spacescope = Clients.against(fake).build()) {
      for (Operation<?> op : Operations.all()) {
        OperationRequest request =
            switch (op.shape()) {
              case DAY_RANGE -> OperationRequest.of(DateRange.day(DAY));
              case HOURLY_RANGE -> OperationRequest.of(HourRange.day(DAY));
              case STATE_DAY -> OperationRequest.day(DAY);
              case PAGED_SEARCH -> OperationRequest.of(SEARCH);
            };
        List<?> rows = spacescope.fetch(op, request);
        assertThat(rows).as(op.name()).allMatch(op.rowType()::isInstance);
        if (op.shape() != Operation.Shape.PAGED_SEARCH) {
          assertThat(rows).as(op.name()).isNotEmpty();
        }
      }
    }
    assertThat(fake.requests())
        .allSatisfy(r -> assertThat(r.valid()).as(r.path() + " " + r.query()).isTrue())
        .extracting(r -> r.path())
        .containsAll(Operations.all().stream().map(Operation::path).toList());
  }

  private static <R> void agree(
      SpaceScope c, Operation<R> op, OperationRequest request, List<?> typed) {
    List<R> generic = c.fetch(op, request);
    assertThat(typed).as(op.name() + " typed").isNotEmpty();
    assertThat(generic).as(op.name() + " " + request).isEqualTo(typed);
    try (Stream<R> streamed = c.stream(op, request)) {
      assertThat(streamed.toList()).as(op.name() + " streamed " + request).isEqualTo(typed);
    }
  }

  private static Violation violation(Runnable call) {
    try {
      call.run();
    } catch (InvalidInputException e) {
      assertThat(e.violations()).hasSize(1);
      return e.violations().get(0);
    }
    throw new AssertionError("no InvalidInputException");
  }
}
