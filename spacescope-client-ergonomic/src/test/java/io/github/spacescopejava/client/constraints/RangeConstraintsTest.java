package io.github.spacescopejava.client.constraints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.HourRange;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(Lifecycle.PER_CLASS)
class RangeConstraintsTest {

  /** 2026-11-26T21:00:00Z: day 2026-11-25 has just been published. */
  private static final Instant NOW = Instant.parse("2026-11-26T21:00:00Z");

  private ValidatorFactory factory;
  private Validator validator;

  @BeforeAll
  void start() {
    // A zone far from UTC on purpose: only the clock's instant may matter.
    Clock fixedClock = Clock.fixed(NOW, ZoneId.of("Pacific/Kiritimati"));
    factory =
        Validation.byDefaultProvider()
            .configure()
            .clockProvider(() -> fixedClock)
            .buildValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  void stop() {
    factory.close();
  }

  private static String only(Set<? extends ConstraintViolation<?>> violations) {
    assertThat(violations).hasSize(1);
    ConstraintViolation<?> violation = violations.iterator().next();
    return violation.getPropertyPath() + ": " + violation.getMessage();
  }

  @Nested
  class DateRanges {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            2020-08-23..2020-08-31 | start: start 2020-08-23 is before Filecoin mainnet genesis; accepted: a start on or after 2020-08-24
            2019-01-01..2019-12-31 | start: start 2019-01-01 is before Filecoin mainnet genesis; accepted: a start on or after 2020-08-24
            2026-11-01..2026-11-26 | end: end 2026-11-26 is after the latest available day 2026-11-25 (day D is published at 21:00 UTC on D+1); accepted: an end on or before 2026-11-25
            2026-11-27..2026-11-27 | end: end 2026-11-27 is after the latest available day 2026-11-25 (day D is published at 21:00 UTC on D+1); accepted: an end on or before 2026-11-25
            """)
    void reportTheRuleTheValueAndWhatIsAccepted(String range, String expected) {
      assertThat(only(validator.validate(DateRange.parse(range), AvailabilityChecks.class)))
          .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "2020-08-24..2020-08-24",
          "2020-08-24..2026-11-25",
          "2026-11-25..2026-11-25",
          "2024-01-01..2024-12-31"
        })
    void acceptRangesFromGenesisToTheLatestAvailableDay(String range) {
      assertThat(validator.validate(DateRange.parse(range), AvailabilityChecks.class)).isEmpty();
    }

    @Test
    void reportBothRulesWhenARangeBreaksBoth() {
      Set<ConstraintViolation<DateRange>> violations =
          validator.validate(DateRange.parse("2020-01-01..2030-01-01"), AvailabilityChecks.class);

      assertThat(violations)
          .extracting(v -> v.getPropertyPath().toString())
          .containsExactlyInAnyOrder("start", "end");
    }

    @Test
    void leaveAvailabilityOutOfTheDefaultGroup() {
      // Endpoints with rows dated in the future validate without AvailabilityChecks.
      assertThat(validator.validate(DateRange.parse("2026-11-01..2027-12-31"))).isEmpty();
      assertThat(only(validator.validate(DateRange.parse("2020-08-01..2027-12-31"))))
          .startsWith("start: start 2020-08-01 is before Filecoin mainnet genesis");
    }

    @Test
    void useTheValidatorsClockNotTheSystemClock() {
      Clock oneSecondEarlier = Clock.fixed(NOW.minusSeconds(1), ZoneId.of("UTC"));
      try (ValidatorFactory earlier =
          Validation.byDefaultProvider()
              .configure()
              .clockProvider(() -> oneSecondEarlier)
              .buildValidatorFactory()) {
        DateRange range = DateRange.parse("2026-11-25..2026-11-25");

        assertThat(earlier.getValidator().validate(range, AvailabilityChecks.class))
            .extracting(ConstraintViolation::getMessage)
            .containsExactly(
                "end 2026-11-25 is after the latest available day 2026-11-24 (day D is published"
                    + " at 21:00 UTC on D+1); accepted: an end on or before 2026-11-24");
        assertThat(validator.validate(range, AvailabilityChecks.class)).isEmpty();
      }
    }
  }

  @Nested
  class HourRanges {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            2020-08-23T23:00:00Z..2020-08-24T05:00:00Z | start: start 2020-08-23T23:00:00Z is before Filecoin mainnet genesis; accepted: a start on or after 2020-08-24T00:00:00Z
            2026-11-25T00:00:00Z..2026-11-26T00:00:00Z | end: end 2026-11-26T00:00:00Z is after the latest available hour 2026-11-25T23:00:00Z (the hours of day D are published at 21:00 UTC on D+1); accepted: an end on or before 2026-11-25T23:00:00Z
            """)
    void reportTheRuleTheValueAndWhatIsAccepted(String range, String expected) {
      assertThat(only(validator.validate(HourRange.parse(range), AvailabilityChecks.class)))
          .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "2020-08-24T00:00:00Z..2020-08-24T23:00:00Z",
          "2026-11-25T00:00:00Z..2026-11-25T23:00:00Z"
        })
    void acceptRangesFromGenesisToTheLatestAvailableHour(String range) {
      assertThat(validator.validate(HourRange.parse(range), AvailabilityChecks.class)).isEmpty();
    }
  }

  @Nested
  class OnACallersOwnTypes {

    record Report(@Valid DateRange range) {}

    record DefaultGroupReport(@AvailableByNow DateRange range) {}

    record Early(@OnOrAfterMainnet(message = "too early for SpaceScope") DateRange range) {}

    @Test
    void cascadeWithThePathOfTheProperty() {
      Report report = new Report(DateRange.parse("2026-11-20..2026-11-30"));

      assertThat(validator.validate(report, AvailabilityChecks.class))
          .extracting(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage)
          .containsExactly(
              tuple(
                  "range.end",
                  "end 2026-11-30 is after the latest available day 2026-11-25 (day D is"
                      + " published at 21:00 UTC on D+1); accepted: an end on or before"
                      + " 2026-11-25"));
      assertThat(validator.validate(report)).isEmpty();
    }

    @Test
    void checkAvailabilityInTheDefaultGroupWhenPutOnAField() {
      DefaultGroupReport report = new DefaultGroupReport(DateRange.parse("2026-11-20..2026-11-30"));

      assertThat(validator.validate(report))
          .extracting(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage)
          .containsExactly(
              tuple(
                  "range.end",
                  "end 2026-11-30 is after the latest available day 2026-11-25 (day D is"
                      + " published at 21:00 UTC on D+1); accepted: an end on or before"
                      + " 2026-11-25"));
    }

    @Test
    void keepACallersOwnMessage() {
      Early early = new Early(DateRange.parse("2019-01-01..2019-01-02"));

      assertThat(validator.validate(early))
          .extracting(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage)
          .containsExactly(tuple("range.start", "too early for SpaceScope"));
    }
  }
}
