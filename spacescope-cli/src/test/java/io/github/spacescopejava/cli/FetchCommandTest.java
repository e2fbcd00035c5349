package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.DealSearch;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.Scenario;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fetch} end to end: the command against a fake on a real socket, compared with the wire.
 */
class FetchCommandTest {
  @RegisterExtension
  static final SpaceScopeFakeExtension SPACESCOPE =
      SpaceScopeFakeExtension.builder().systemClock().providerPopulation(20).build();

  private static SpaceScope library;

  @BeforeAll
  static void client() {
    SpaceScopeFake fake = SPACESCOPE.fake();
    library = SpaceScope.builder().baseUrl(fake.baseUrl()).token(fake.token()).build();
  }

  @AfterAll
  static void close() {
    library.close();
  }

  private static CliRun fetch(String... args) {
    SpaceScopeFake fake = SPACESCOPE.fake();
    List<String> all =
        new ArrayList<>(List.of("--base-url", fake.baseUrl(), "--token", fake.token(), "fetch"));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  /** The README's main command, with the fake started by the command itself. */
  @Test
  void theReadmeCommandPrintsAHeaderAnd366RowsOf2024AsTheLibraryFetchesThem() {
    // A real token in the environment is not sent to the fake.
    CliRun run =
        CliRun.run(
            Map.of("SPACESCOPE_API_TOKEN", "ghp_someoneElsesRealToken0000000000000000"),
            "--fake",
            "fetch",
            "power/network_storage_capacity",
            "--from",
            "2024-01-01",
            "--to",
            "2024-12-31",
            "--format",
            "csv");

    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.err()).isEmpty();
    List<String> lines = List.of(run.out().split("\r\n"));
    assertThat(lines).hasSize(367);
    assertThat(lines.get(0))
        .isEqualTo("stat_date,total_qa_bytes_power,total_raw_bytes_power,baseline_power");
    // The same period through the library, from another fake: its values depend only on the day.
    List<NetworkStorageCapacityRow> rows =
        library.power().networkStorageCapacity(DateRange.year(2024));
    assertThat(rows).hasSize(366);
    for (int i = 0; i < rows.size(); i++) {
      NetworkStorageCapacityRow row = rows.get(i);
      String[] cells = lines.get(i + 1).split(",", -1);
      assertThat(cells).hasSize(4);
      assertThat(cells[0])
          .isEqualTo(row.getStatDate().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
          .isEqualTo(LocalDate.of(2024, 1, 1).plusDays(i) + "T00:00:00Z");
      assertThat(new java.math.BigDecimal(cells[1])).isEqualTo(row.getTotalQaBytesPower());
      assertThat(new java.math.BigDecimal(cells[2])).isEqualTo(row.getTotalRawBytesPower());
      assertThat(new java.math.BigDecimal(cells[3])).isEqualTo(row.getBaselinePower());
      assertThat(cells[1]).doesNotContain("E", "e").matches("[0-9]+");
    }
  }

  @Test
  void csvCellsAreTheNumbersAsTheyWereWrittenOnTheWire() throws Exception {
    CliRun run =
        fetch(
            "power/network_storage_capacity",
            "--from",
            "2024-02-01",
            "--to",
            "2024-02-29",
            "--format",
            "csv");
    assertThat(run.exitCode()).as("%s", run).isZero();
    List<JsonNode> wire =
        Wire.rows(
            SPACESCOPE.fake(),
            "/v2/power/network_storage_capacity?start_date=2024-02-01&end_date=2024-02-29");
    String[] lines = run.out().split("\r\n");
    assertThat(lines).hasSize(1 + wire.size());
    for (int i = 0; i < wire.size(); i++) {
      JsonNode w = wire.get(i);
      assertThat(lines[i + 1])
          .isEqualTo(
              String.join(
                  ",",
                  w.get("stat_date").textValue(),
                  w.get("total_qa_bytes_power").decimalValue().toPlainString(),
                  w.get("total_raw_bytes_power").decimalValue().toPlainString(),
                  w.get("baseline_power").decimalValue().toPlainString()));
    }
  }

  @Test
  void ndjsonOfOneProviderIsExactlyWhatTheFakeSentDayByDay() throws Exception {
    CliRun run =
        fetch(
            "storage_provider/token_balance",
            "--provider",
            "f0110804",
            "--from",
            "2024-03-01",
            "--to",
            "2024-03-05",
            "--format",
            "ndjson");
    assertThat(run.exitCode()).as("%s", run).isZero();
    List<JsonNode> written = Wire.ndjson(run.out());
    List<JsonNode> wire = new ArrayList<>();
    for (LocalDate d = LocalDate.of(2024, 3, 1);
        !d.isAfter(LocalDate.of(2024, 3, 5));
        d = d.plusDays(1)) {
      wire.addAll(
          Wire.rows(
              SPACESCOPE.fake(),
              "/v2/storage_provider/token_balance?state_date=" + d + "&miner_id=f0110804"));
    }
    assertThat(written).hasSize(5).isEqualTo(wire); // BigDecimal equality: digits and scale
    assertThat(written.get(0).get("balance").decimalValue().scale()).isPositive();
  }

  @Test
  void ndjsonOfEveryProviderHasOneRowPerProviderAndDay() throws Exception {
    CliRun run =
        fetch(
            "storage_provider/power",
            "--from",
            "2024-03-01",
            "--to",
            "2024-03-02",
            "--format",
            "ndjson");
    assertThat(run.exitCode()).as("%s", run).isZero();
    List<JsonNode> written = Wire.ndjson(run.out());
    List<JsonNode> wire = new ArrayList<>();
    wire.addAll(Wire.rows(SPACESCOPE.fake(), "/v2/storage_provider/power?state_date=2024-03-01"));
    wire.addAll(Wire.rows(SPACESCOPE.fake(), "/v2/storage_provider/power?state_date=2024-03-02"));
    assertThat(written).hasSize(40).isEqualTo(wire);
  }

  @Test
  void anHourlyEndpointGivesOneRowPerHour() {
    CliRun run =
        fetch(
            "gas/network_base_fee",
            "--from",
            "2024-03-01",
            "--to",
            "2024-03-02",
            "--format",
            "json");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out())
        .startsWith("[\n  {\"hour_date\":\"2024-03-01T00:00:00Z\"")
        .endsWith("\n]\n");
    assertThat(run.out().lines().filter(l -> l.contains("hour_date"))).hasSize(48);
  }

  @Test
  @SuppressWarnings("deprecation") // deal_snapshot is deprecated upstream, and still served
  void aDealSearchWalksEveryPage() {
    CliRun run =
        fetch(
            "Deals_dealSnapshot",
            "--filter",
            "provider_id=f01675012",
            "--page-size",
            "100",
            "--format",
            "ndjson");
    assertThat(run.exitCode()).as("%s", run).isZero();
    long expected =
        library
            .deals()
            .dealSnapshot(DealSearch.builder().providerId("f01675012").pageSize(100).build())
            .count();
    assertThat(run.out().lines())
        .hasSize((int) expected)
        .allMatch(l -> l.contains("\"provider_id\":\"f01675012\""));
    assertThat(expected).isEqualTo(SpaceScopeFake.DEFAULT_DEAL_POPULATION);
  }

  @Test
  void theWholeSeriesWithoutDatesWhereTheSpecOffersIt() throws Exception {
    CliRun run = fetch("power/sectors_schedule_expiration", "--format", "ndjson");
    assertThat(run.exitCode()).as("%s", run).isZero();
    List<JsonNode> written = Wire.ndjson(run.out());
    assertThat(written)
        .hasSizeGreaterThan(540)
        .isEqualTo(Wire.rows(SPACESCOPE.fake(), "/v2/power/sectors_schedule_expiration"));
  }

  @Test
  void futureDaysWhereTheSpecAllowsThem() {
    LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
    CliRun run =
        fetch(
            "power/sectors_schedule_expiration",
            "--from",
            today.toString(),
            "--to",
            today.plusDays(59).toString(),
            "--format",
            "csv");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out().split("\r\n")).hasSize(1 + 60);
  }

  @Test
  void fieldsSelectColumnsAfterTheDay() {
    CliRun run =
        fetch(
            "power.networkStorageCapacity",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-03",
            "--fields",
            "baseline_power",
            "--format",
            "csv");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(List.of(run.out().split("\r\n")))
        .hasSize(4)
        .first()
        .isEqualTo("stat_date,baseline_power");
  }

  @Test
  void aTableIsTheDefault() {
    CliRun run = fetch("economics/block_reward", "--from", "2024-01-01", "--to", "2024-01-02");
    assertThat(run.exitCode()).as("%s", run).isZero();
    assertThat(run.out().lines()).hasSize(3).first().asString().startsWith("stat_date");
  }

  @Test
  void anOutputFileIsWrittenWholeOrNotAtAll(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("power.csv");
    CliRun ok =
        fetch(
            "power/network_storage_capacity",
            "--from",
            "2024-01-01",
            "--to",
            "2024-06-30",
            "--format",
            "csv",
            "-o",
            file.toString());
    assertThat(ok.exitCode()).as("%s", ok).isZero();
    assertThat(ok.out()).isEmpty();
    assertThat(Files.readAllLines(file)).hasSize(1 + 182);

    Path failing = dir.resolve("failing.csv");
    SPACESCOPE
        .fake()
        .given(
            Scenario.on("/v2/power/network_storage_capacity")
                .afterRequests(1)
                .always(Fault.errorCode(30002)));
    CliRun failed =
        fetch(
            "power/network_storage_capacity",
            "--from",
            "2024-01-01",
            "--to",
            "2024-06-30",
            "--format",
            "csv",
            "-o",
            failing.toString());
    assertThat(failed.exitCode()).as("%s", failed).isEqualTo(ExitCode.REQUEST_REFUSED.code());
    assertThat(dir).isDirectoryNotContaining(p -> !p.equals(file));
  }

  @Test
  void anOutputIntoAMissingDirectoryNamesItBeforeAnyRequest(@TempDir Path dir) {
    SpaceScopeFake fake = SPACESCOPE.fake();
    int before = fake.requests().size();
    Path missing = dir.resolve("nonexistent-dir");
    CliRun run =
        fetch(
            "power/network_storage_capacity",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-31",
            "-o",
            missing.resolve("out.csv").toString());
    assertThat(run.exitCode()).as("%s", run).isEqualTo(ExitCode.OUTPUT.code());
    assertThat(run.err())
        .contains("the directory " + missing + " does not exist")
        .doesNotContain(".partial");
    assertThat(fake.requests()).hasSize(before);
    assertThat(missing).doesNotExist();
  }

  @Test
  void aProgressBarShowsWindowsAndRowsOnATerminalOnly() {
    SpaceScopeFake fake = SPACESCOPE.fake();
    String[] args = {
      "--base-url",
      fake.baseUrl(),
      "--token",
      fake.token(),
      "fetch",
      "power/network_storage_capacity",
      "--from",
      "2024-01-01",
      "--to",
      "2024-12-31",
      "--format",
      "csv"
    };
    CliRun terminal = CliRun.run(Map.of(Cli.STDERR_TTY_ENV, "1"), args);
    assertThat(terminal.exitCode()).as("%s", terminal).isZero();
    assertThat(terminal.err()).contains("fetching").contains("5/5 windows").contains("366 rows");
    assertThat(terminal.out().split("\r\n")).hasSize(367);

    String[] quiet = new String[args.length + 1];
    System.arraycopy(args, 0, quiet, 1, args.length);
    quiet[0] = "--quiet";
    assertThat(CliRun.run(Map.of(Cli.STDERR_TTY_ENV, "1"), quiet).err()).isEmpty();
  }
}
