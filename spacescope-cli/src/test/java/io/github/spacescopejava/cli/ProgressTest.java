package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.event.AttemptAnswered;
import io.github.spacescopejava.client.event.CallPlanned;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress bar as a listener of the client: windows from its plan, done from its answers. */
class ProgressTest {
  private static final String PATH = "/v2/power/network_storage_capacity";

  private static AttemptAnswered answered(String window, int attempt, int rows) {
    return new AttemptAnswered(PATH, window, attempt, 200, 0, rows, 1000, Duration.ofMillis(5));
  }

  private static String drawn(ByteArrayOutputStream err) {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void windowsAreDoneWhenTheClientTellsTheirAnswerAndRowsAddUp() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (Progress bar =
        Progress.on("fetching", 3, new PrintStream(err, true, StandardCharsets.UTF_8))) {
      bar.callPlanned(new CallPlanned(PATH, List.of("a..b", "c..d", "e..f")));
      // A retried window is answered once, by its second attempt: still one window.
      bar.attemptAnswered(answered("c..d", 2, 90));
      bar.attemptAnswered(answered("a..b", 1, 90));
      bar.attemptAnswered(answered("e..f", 1, 20));
    }

    assertThat(drawn(err)).contains("fetching").contains("3/3 windows").contains("200 rows");
  }

  @Test
  void callsPlannedInSlicesRaiseTheTotalBeyondTheHint() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (Progress bar =
        Progress.on("fetching", 2, new PrintStream(err, true, StandardCharsets.UTF_8))) {
      bar.callPlanned(new CallPlanned(PATH, List.of("2024-01-01", "2024-01-02")));
      bar.callPlanned(new CallPlanned(PATH, List.of("2024-01-03")));
      bar.attemptAnswered(answered("2024-01-01", 1, 5));
    }

    assertThat(drawn(err)).contains("1/3 windows").contains("5 rows");
  }

  @Test
  void aWindowAnsweredInHalvesNeverShowsMoreThanTheTotal() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (Progress bar =
        Progress.on("fetching", 1, new PrintStream(err, true, StandardCharsets.UTF_8))) {
      bar.callPlanned(new CallPlanned(PATH, List.of("a..d")));
      bar.attemptAnswered(answered("a..b", 1, 2));
      bar.attemptAnswered(answered("c..d", 1, 2));
    }

    assertThat(drawn(err)).contains("1/1 windows").contains("4 rows").doesNotContain("2/1");
  }
}
