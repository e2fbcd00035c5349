package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.Scenario;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeExtension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every kind of failure: one line on stderr naming the problem and what to do, its own exit code,
 * no stack trace (unless --verbose), and never the token.
 */
class ErrorsTest {
  private static final String EXPIRED = "ghp_expiredTokenForTheCliTest0000000000";

  @RegisterExtension
  static final SpaceScopeFakeExtension SPACESCOPE =
      SpaceScopeFakeExtension.builder()
          .systemClock()
          .expiredTokens(EXPIRED)
          .failOnInvalidRequests(false)
          .build();

  private static CliRun fetch(String token, String... args) {
    SpaceScopeFake fake = SPACESCOPE.fake();
    List<String> all =
        new ArrayList<>(List.of("--base-url", fake.baseUrl(), "--token", token, "fetch"));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  private static CliRun fetchPower(String from, String to) {
    return fetch(
        SPACESCOPE.fake().token(), "power/network_storage_capacity", "--from", from, "--to", to);
  }

  /** Asserts the contract of an error: code, one line, the message, no trace, no token. */
  private static void assertError(CliRun run, ExitCode code, String... fragments) {
    assertThat(run.exitCode()).as("%s", run).isEqualTo(code.code());
    assertThat(run.err()).startsWith("spacescope: ").endsWith("\n");
    assertThat(run.err().lines()).as("%s", run).hasSize(1);
    assertThat(run.err()).contains(fragments).doesNotContain("\tat ");
    assertThat(run.err() + run.out()).doesNotContain(SPACESCOPE.fake().token(), EXPIRED);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aBadDate() {
    assertError(
        fetchPower("2024-02-30", "2024-03-01"),
        ExitCode.BAD_INPUT,
        "--from '2024-02-30' is not a date: use YYYY-MM-DD");
  }

  @Test
  void daysBeforeMainnetAreRefusedByTheClientsOwnRule() {
    assertError(
        fetchPower("2020-01-01", "2020-12-31"), ExitCode.BAD_INPUT, "2020-01-01 is not accepted");
    assertThat(SPACESCOPE.fake().requests()).isEmpty();
  }

  @Test
  void anUnknownEndpoint() {
    assertError(
        fetch(
            SPACESCOPE.fake().token(),
            "power/network_storage_capacty",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-01"),
        ExitCode.UNKNOWN_NAME,
        "no endpoint named 'power/network_storage_capacty'; did you mean power/network_storage_capacity");
  }

  @Test
  void anUnknownField() {
    assertError(
        fetch(
            SPACESCOPE.fake().token(),
            "power/network_storage_capacity",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-01",
            "--fields",
            "baseline_powr"),
        ExitCode.UNKNOWN_NAME,
        "has no field 'baseline_powr'; did you mean baseline_power");
  }

  @Test
  void aMissingToken() {
    CliRun run =
        CliRun.run(
            Map.of(),
            "fetch",
            "power/network_storage_capacity",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-01");
    assertError(
        run,
        ExitCode.MISSING_TOKEN,
        "no API token: set SPACESCOPE_API_TOKEN (or pass --token)",
        "--fake");
  }

  @Test
  void theTokenComesFromTheEnvironment() {
    SpaceScopeFake fake = SPACESCOPE.fake();
    CliRun run =
        CliRun.run(
            Map.of("SPACESCOPE_API_TOKEN", fake.token()),
            "--base-url",
            fake.baseUrl(),
            "fetch",
            "power/network_storage_capacity",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-01");
    assertThat(run.exitCode()).as("%s", run).isZero();
  }

  @Test
  void anExpiredToken() {
    assertError(
        fetch(
            EXPIRED,
            "power/network_storage_capacity",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-01"),
        ExitCode.TOKEN_REFUSED,
        "the API refused the token (code 10012)",
        "SPACESCOPE_API_TOKEN");
  }

  @Test
  void anExhaustedQuota() {
    SPACESCOPE.fake().given(Scenario.quotaExhaustedAfter(0));
    assertError(
        fetchPower("2024-01-01", "2024-01-10"),
        ExitCode.LIMIT,
        "the API's limit is reached",
        "code=30001",
        "wait for the quota to reset");
  }

  @Test
  void dataNotReadyAnsweredByTheServer() {
    SPACESCOPE.fake().given(Scenario.notReadyThenReady("/v2/power/network_storage_capacity", 10));
    assertError(
        fetchPower("2024-01-01", "2024-01-10"),
        ExitCode.NOT_READY,
        "the data is not published yet",
        "it should be ready at 2024-01-11T21:00:00Z");
  }

  @Test
  void dataNotReadyKnownBeforeAsking() {
    LocalDate future = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(3);
    assertError(
        fetchPower("2024-01-01", future.toString()),
        ExitCode.NOT_READY,
        "the data of "
            + future
            + " is not published yet: it should be ready at "
            + future.plusDays(1)
            + "T21:00:00Z");
    assertThat(SPACESCOPE.fake().requests()).isEmpty();
  }

  @Test
  void parametersRefusedByTheServer() {
    SPACESCOPE
        .fake()
        .given(Scenario.on("/v2/power/network_storage_capacity").always(Fault.errorCode(30002)));
    assertError(
        fetchPower("2024-01-01", "2024-01-10"),
        ExitCode.REQUEST_REFUSED,
        "the API refused the request");
  }

  @Test
  void aServerThatKeepsFailing() {
    SPACESCOPE
        .fake()
        .given(
            Scenario.on("/v2/power/network_storage_capacity").always(Fault.internalServerError()));
    assertError(
        fetchPower("2024-01-01", "2024-01-10"),
        ExitCode.SERVER_ERROR,
        "the API failed, also on retry",
        "try again later");
    assertThat(SPACESCOPE.fake().requests()).hasSizeGreaterThan(1); // retried as the library does
  }

  @Test
  void aBaseUrlThatIsNotHttp() {
    CliRun run =
        CliRun.run(
            "--base-url",
            "ftp://example.org",
            "--token",
            "x",
            "fetch",
            "power/network_storage_capacity",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-01");
    assertError(
        run,
        ExitCode.BAD_INPUT,
        "--base-url: ftp://example.org is not accepted; accepted: an absolute http(s) URL");
  }

  @Test
  void anAnswerThatIsNotValid() {
    SPACESCOPE
        .fake()
        .given(Scenario.on("/v2/power/network_storage_capacity").always(Fault.nullData()));
    assertError(
        fetchPower("2024-01-01", "2024-01-10"),
        ExitCode.BAD_RESPONSE,
        "the API sent an answer that is not valid",
        "spacescope check");
  }

  @Test
  void anUnreachableServer() {
    CliRun run =
        CliRun.run(
            "--base-url",
            "http://127.0.0.1:9",
            "--token",
            "x",
            "fetch",
            "power/network_storage_capacity",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-01");
    assertError(run, ExitCode.NETWORK, "the API could not be reached", "--base-url");
  }

  @Test
  void anUnwritableOutputFile() {
    assertError(
        fetch(
            SPACESCOPE.fake().token(),
            "power/network_storage_capacity",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-01",
            "-o",
            "/nonexistent-directory/out.csv"),
        ExitCode.OUTPUT,
        "cannot write /nonexistent-directory/out.csv");
  }

  @Test
  void aUsageError() {
    CliRun run = CliRun.run("fetch", "--colour", "red");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run.err())
        .startsWith("spacescope: ")
        .contains("--colour")
        .contains("(see 'spacescope fetch --help')");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void verboseShowsTheStackTrace() {
    CliRun run =
        fetch(
            SPACESCOPE.fake().token(),
            "--verbose",
            "power/network_storage_capacity",
            "--from",
            "2024-01-01",
            "--to",
            "2024-02-30");
    assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
    assertThat(run.err())
        .startsWith("spacescope: --to '2024-02-30' is not a date")
        .contains("\tat ");
  }

  @Test
  void helpListsEveryExitCode() {
    CliRun run = CliRun.run("--help");
    assertThat(run.exitCode()).isZero();
    for (ExitCode code : ExitCode.values()) {
      assertThat(run.out())
          .containsPattern(
              "(?m)^\\s+" + code.code() + "\\s+" + java.util.regex.Pattern.quote(code.meaning()));
    }
    assertThat(CliRun.run("fetch", "--help").out())
        .contains("Exit codes:")
        .contains(ExitCode.NOT_READY.meaning());
  }
}
