package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.client.DateRange;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FetchRequestTest {
  private static final SpecCatalog SPEC = SpecCatalog.bundled();
  private static final Operation POWER =
      SPEC.byPath("/v2/power/network_storage_capacity").orElseThrow();
  private static final Operation PROVIDER_POWER =
      SPEC.byPath("/v2/storage_provider/power").orElseThrow();
  private static final Operation BASE_FEE = SPEC.byPath("/v2/gas/network_base_fee").orElseThrow();
  // Latest published day 2025-01-10 (day D is out at 21:00 UTC on D+1).
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-01-11T21:00:00Z"), ZoneOffset.UTC);

  private static FetchRequest of(Operation op, String from, String to, String provider) {
    return FetchRequest.of(op, from, to, provider, List.of(), null, CLOCK);
  }

  @ParameterizedTest(name = "{0}..{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2024-13-01 | 2024-12-31 | BAD_INPUT | --from '2024-13-01' is not a date: use YYYY-MM-DD (UTC), such as 2024-01-01",
        "2024-01-01 | yesterday | BAD_INPUT | --to 'yesterday' is not a date: use YYYY-MM-DD (UTC), such as 2024-01-01",
        "2024-12-31 | 2024-01-01 | BAD_INPUT | --from 2024-12-31 is after --to 2024-01-01; give the earlier day first",
        "2025-01-01 | 2025-01-11 | NOT_READY | the data of 2025-01-11 is not published yet: it should be ready at 2025-01-12T21:00:00Z; the latest published day is 2025-01-10, so end with --to 2025-01-10 or retry then",
      })
  void badDatesFailBeforeAnyRequest(String from, String to, ExitCode code, String message) {
    assertThatThrownBy(() -> of(POWER, from, to, null))
        .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(code))
        .hasMessage(message);
  }

  @Test
  void aProviderIsCheckedAndOnlyTakenWhereTheOperationHasOne() {
    assertThatThrownBy(() -> of(PROVIDER_POWER, "2024-01-01", "2024-01-02", "f1abc"))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT))
        .hasMessageStartingWith("--provider: ");
    assertThatThrownBy(() -> of(POWER, "2024-01-01", "2024-01-02", "f0110804"))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessage("power/network_storage_capacity is network-wide: it takes no --provider");
    assertThat(of(PROVIDER_POWER, "2024-01-01", "2024-01-02", "f0110804").provider())
        .hasToString("f0110804");
  }

  @Test
  void windowsAreTheClientsOwnSplit() {
    FetchRequest year = of(POWER, "2024-01-01", "2024-12-31", null);
    List<DateRange> split = DateRange.year(2024).split(90);
    assertThat(year.windowEnds())
        .hasSize(5)
        .containsExactlyElementsOf(
            split.stream().map(w -> Publication.startOf(w.end().plusDays(1))).toList());
    assertThat(of(PROVIDER_POWER, "2024-01-01", "2024-01-31", null).windowEnds()).hasSize(31);
    // 62 days of hours: 31-day limit means at most 30*24+1 hours per request.
    assertThat(of(BASE_FEE, "2024-01-01", "2024-03-01", null).windowEnds()).hasSize(3);
  }

  @Test
  void readyAtIsFoundFromTheClientsPublicationRule() {
    LocalDate day = LocalDate.of(2024, 3, 10);
    assertThat(Publication.readyAt(day)).isEqualTo(Instant.parse("2024-03-11T21:00:00Z"));
  }
}
