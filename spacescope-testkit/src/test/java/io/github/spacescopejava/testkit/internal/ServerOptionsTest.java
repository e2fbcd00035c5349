package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerOptionsTest {
  private static ServerOptions parse(String... args) {
    return ServerOptions.parse(args, Map.of("MY_TOKEN", "ghp_fromTheEnvironment")::get);
  }

  @Test
  void defaultsServeOnPort8080OfTheLoopbackWithTheSystemClock() {
    ServerOptions o = parse();

    assertThat(o)
        .isEqualTo(
            new ServerOptions(8080, "127.0.0.1", null, 500, 250, null, List.of(), false, false));
  }

  @Test
  void everyOptionIsRead() {
    ServerOptions o =
        parse(
            "--port",
            "9000",
            "--host=0.0.0.0",
            "--clock",
            "2022-07-02T21:00:00Z",
            "--providers",
            "20",
            "--deals=5",
            "--token",
            "ghp_mine",
            "--expired-token",
            "a",
            "--expired-token=b",
            "--strict-windows");

    assertThat(o)
        .isEqualTo(
            new ServerOptions(
                9000,
                "0.0.0.0",
                Instant.parse("2022-07-02T21:00:00Z"),
                20,
                5,
                "ghp_mine",
                List.of("a", "b"),
                true,
                false));
  }

  @Test
  void tokenCanComeFromTheEnvironment() {
    assertThat(parse("--token-env", "MY_TOKEN").token()).isEqualTo("ghp_fromTheEnvironment");
  }

  @Test
  void helpDescribesEveryOption() {
    assertThat(parse("--help").help()).isTrue();
    assertThat(ServerOptions.HELP)
        .contains(
            "--port",
            "--host",
            "--clock",
            "--providers",
            "--deals",
            "--token",
            "--token-env",
            "--expired-token",
            "--strict-windows",
            "--help");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--port                  | --port needs a value",
        "--port x                | --port needs a number, not 'x'",
        "--port 70000            | --port must be between 0 and 65535",
        "--clock tomorrow        | --clock needs 'system' or an instant",
        "--colour blue           | unknown option --colour",
        "--token-env NOT_SET     | environment variable NOT_SET is not set"
      })
  void badArgumentsAreRefusedWithAMessage(String args, String message) {
    assertThatThrownBy(() -> parse(args.split(" ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
