package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.spacescopejava.testkit.internal.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpaceScopeFakeServerTest {

  @Test
  void startsTheFakeTheOptionsDescribeAndNeverPrintsTheToken() {
    ServerOptions options =
        ServerOptions.parse(
            new String[] {
              "--port",
              "0",
              "--clock",
              "2022-07-02T21:00:00Z",
              "--providers",
              "4",
              "--token",
              "ghp_secretOfTheServer",
              "--expired-token",
              "ghp_old"
            },
            Map.<String, String>of()::get);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    try (SpaceScopeFake fake =
        SpaceScopeFakeServer.start(options, new PrintStream(out, true, StandardCharsets.UTF_8))) {
      assertThat(
              RawHttp.json(
                      RawHttp.get(
                          fake.baseUrl(),
                          "/v2/storage_provider/power?state_date=2022-07-01",
                          "Bearer ghp_secretOfTheServer"))
                  .get("data"))
          .hasSize(4);
      assertThat(
              RawHttp.get(fake.baseUrl(), "/v2/storage_provider/power", "Bearer ghp_old")
                  .statusCode())
          .isEqualTo(401);
      assertThat(fake.requests()).isEmpty(); // a long-running server keeps no journal
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("78 operations", "http://127.0.0.1:", "2022-07-02T21:00:00Z")
        .doesNotContain("ghp_secretOfTheServer", "ghp_old");
  }

  private static ServerOptions options(String... args) {
    return ServerOptions.parse(args, Map.<String, String>of()::get);
  }

  @Test
  void aBusyPortIsOneLineThatNamesThePortAndWhatToDo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      ServerOptions options = options("--port", Integer.toString(taken.getLocalPort()));
      Throwable failure =
          catchThrowable(() -> SpaceScopeFakeServer.start(options, new PrintStream(nowhere())));

      assertThat(failure).isNotNull();
      assertThat(SpaceScopeFakeServer.startupProblem(failure, options))
          .isEqualTo(
              "cannot listen on 127.0.0.1:"
                  + taken.getLocalPort()
                  + ": the port is already in use. Stop what holds it, or choose another with"
                  + " --port (--port 0 picks a free one)");
    }
  }

  @Test
  void anAddressThatIsNotOfThisMachineIsOneLine() {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of this machine.
    ServerOptions options = options("--host", "192.0.2.1", "--port", "0");
    Throwable failure =
        catchThrowable(() -> SpaceScopeFakeServer.start(options, new PrintStream(nowhere())));

    assertThat(failure).isNotNull();
    assertThat(SpaceScopeFakeServer.startupProblem(failure, options))
        .startsWith("cannot listen on 192.0.2.1:0 (")
        .endsWith(
            "give --host an address of this machine, such as 127.0.0.1 or 0.0.0.0,"
                + " and --port a port you may open")
        .doesNotContain("\n");
  }

  @Test
  void anUnreadableSpecFileIsOneLineNamingTheFile() {
    ServerOptions options = options();
    Throwable failure =
        new UncheckedIOException(new AccessDeniedException("/etc/spacescope/override.yaml"));

    assertThat(SpaceScopeFakeServer.startupProblem(failure, options))
        .isEqualTo(
            "cannot read /etc/spacescope/override.yaml (AccessDeniedException): check the path"
                + " and that this user may read it");
  }

  @Test
  void anyOtherFailureIsOneLineWithItsCause() {
    Throwable failure =
        new IllegalStateException("boom", new RuntimeException("first line\nsecond line"));

    assertThat(SpaceScopeFakeServer.startupProblem(failure, options()))
        .isEqualTo(
            "could not start (first line). Check --host, --port and the spec; if it persists,"
                + " report it with this line");
  }

  @Test
  void theHelpListsTheExitCodes() {
    assertThat(ServerOptions.HELP)
        .contains("Exit codes:")
        .contains("  2   a bad option or value")
        .contains("  3   the server could not start");
  }

  private static java.io.OutputStream nowhere() {
    return java.io.OutputStream.nullOutputStream();
  }

  @Test
  void strictWindowsHoldTheServerToTheDocumentedLimit() {
    String ninetyOneDays =
        "/v2/power/network_storage_capacity?start_date=2022-04-02&end_date=2022-07-01";
    for (boolean strict : new boolean[] {false, true}) {
      String[] args =
          strict
              ? new String[] {"--port", "0", "--clock", "2022-07-02T21:00:00Z", "--strict-windows"}
              : new String[] {"--port", "0", "--clock", "2022-07-02T21:00:00Z"};
      ServerOptions options = ServerOptions.parse(args, Map.<String, String>of()::get);
      try (SpaceScopeFake fake =
          SpaceScopeFakeServer.start(
              options,
              new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
        assertThat(RawHttp.json(RawHttp.get(fake, ninetyOneDays)).get("code").asInt())
            .as(strict ? "--strict-windows" : "default")
            .isEqualTo(strict ? 30002 : 0);
      }
    }
  }
}
