package io.github.spacescopejava.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.InvalidInputException;
import io.github.spacescopejava.client.ProviderId;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input that only the client can judge (availability, nulls, limits of the wire) fails with a
 * typed exception naming the parameter, and sends nothing. Values that a value type refuses in its
 * own constructor (a malformed provider id, a page size of 0) never reach a client: their tests are
 * ProviderIdTest and DealSearchTest.
 */
class BadInputTest {
  @RegisterExtension
  static final SpaceScopeFakeExtension FAKE =
      SpaceScopeFakeExtension.builder().clock(Instant.parse("2025-01-02T00:00:00Z")).build();

  private static Arguments row(
      String what, Consumer<SpaceScope> call, String parameter, String mentions) {
    return Arguments.of(what, call, parameter, mentions);
  }

  @SuppressWarnings("deprecation")
  static Stream<Arguments> badInput() {
    return Stream.of(
        row(
            "reversed range",
            c ->
                c.power()
                    .networkStorageCapacity(
                        DateRange.of(LocalDate.of(2024, 3, 10), LocalDate.of(2024, 3, 1))),
            "range.start",
            "2024-03-10"),
        row(
            "end after the latest published day",
            c ->
                c.power()
                    .networkStorageCapacity(
                        DateRange.of(LocalDate.of(2024, 12, 1), LocalDate.of(2025, 1, 1))),
            "range.end",
            "2024-12-31"),
        row(
            "today, not yet published, for a single-day call",
            c -> c.storageProvider().power(LocalDate.of(2025, 1, 2)),
            "day",
            "2025-01-02"),
        row(
            "today, for one provider",
            c -> c.storageProvider().power(LocalDate.of(2025, 1, 2), ProviderId.of("f01234")),
            "day",
            "on or before 2024-12-31"),
        row(
            "a period not yet published",
            c ->
                c.storageProvider()
                    .power(DateRange.of(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 2))),
            "period.end",
            "2025-01-02"),
        row(
            "null provider for one day (never widened to every provider)",
            c -> c.storageProvider().power(LocalDate.of(2024, 6, 1), (ProviderId) null),
            "minerId",
            "null"),
        row(
            "null provider for a period (never widened to every provider)",
            c ->
                c.storageProvider()
                    .power(DateRange.day(LocalDate.of(2024, 6, 1)), (ProviderId) null),
            "minerId",
            "null"),
        row("null period", c -> c.storageProvider().power((DateRange) null), "period", "null"),
        row("null hour range", c -> c.gas().networkBaseFee(null), "range", "null"),
        row(
            "a future-dated endpoint past the API's four-digit years",
            c ->
                c.power()
                    .sectorsScheduleExpiration(
                        DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(10000, 1, 1))),
            "range.end",
            "9999-12-31"),
        row(
            "range before mainnet",
            c ->
                c.power()
                    .networkStorageCapacity(
                        DateRange.of(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31))),
            "range.start",
            "2020-08-24"),
        row(
            "hour range in the future",
            c -> c.gas().networkBaseFee(HourRange.day(LocalDate.of(2025, 1, 5))),
            "range.end",
            "2025-01-05"),
        row("null range", c -> c.power().networkStorageCapacity((DateRange) null), "range", "null"),
        row("null day", c -> c.storageProvider().power((LocalDate) null), "day", "null"),
        row("null search", c -> c.deals().dealSnapshot(null), "search", "null"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void badInputIsRefusedBeforeAnyRequest(
      String what,
      Consumer<SpaceScope> call,
      String parameter,
      String mentions,
      SpaceScopeFake fake) {
    try (SpaceScope client = Clients.against(fake).build()) {
      assertThatThrownBy(() -> call.accept(client))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.violations())
                    .anySatisfy(v -> assertThat(v.parameter()).isEqualTo(parameter));
                assertThat(e.getMessage()).contains(parameter).contains(mentions);
              });
    }
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void violationNamesTheOffendingDayAndWhatWouldBeAccepted(SpaceScopeFake fake) {
    DateRange tooLate = DateRange.of(LocalDate.of(2024, 12, 1), LocalDate.of(2025, 1, 1));

    try (SpaceScope client = Clients.against(fake).build()) {
      assertThatThrownBy(() -> client.power().networkStorageCapacity(tooLate))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations())
                      .singleElement()
                      .satisfies(
                          v -> {
                            assertThat(v.parameter()).isEqualTo("range.end");
                            assertThat(v.value()).isEqualTo("2025-01-01");
                            assertThat(v.accepted())
                                .startsWith("an end on or before 2024-12-31")
                                .contains("21:00 UTC");
                          }));
    }
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void tokenWithALineBreakIsRefusedWithoutShowingIt(SpaceScopeFake fake) {
    assertThatThrownBy(() -> Clients.against(fake).token("ghp_secret\r\nX-Injected: yes").build())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations())
                  .singleElement()
                  .satisfies(v -> assertThat(v.parameter()).isEqualTo("token"));
              assertThat(e.getMessage()).doesNotContain("ghp_secret");
            });
    assertThat(fake.requests()).isEmpty();
  }

  @Test
  void futureDatesPassWhenTheCallerOptsOut(SpaceScopeFake fake) {
    try (SpaceScope client = Clients.against(fake).checkDataAvailability(false).build()) {
      assertThatThrownBy(
              () -> client.power().networkStorageCapacity(DateRange.day(LocalDate.of(2025, 1, 1))))
          .isInstanceOf(io.github.spacescopejava.client.DataNotReadyException.class);
    }
    assertThat(fake.requests()).hasSize(1);
  }
}
