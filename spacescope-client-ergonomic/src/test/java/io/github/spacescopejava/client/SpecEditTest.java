package io.github.spacescopejava.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.constraints.ApiRules;
import io.github.spacescopejava.client.tools.SpecRulesProbe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-parameter rules come from the spec: an edited copy of the spec changes what the client
 * accepts, with no Java edit. Each case runs in a fresh JVM, since the rules are read once per JVM.
 */
class SpecEditTest {
  private static final Path SPEC = Path.of("..", "spec", "spacescope.yaml");
  private static final String MINER_ID = "pattern: '^f0[0-9]{1,19}$', example: f0110804}";
  private static final String PAGE_SIZE = "minimum: 1, maximum: 1000, example: 10}";

  @Test
  void theShippedSpecAcceptsWhatItSays() throws Exception {
    assertThat(probe(null, "f0110804", "1000"))
        .containsExactly("minerId f0110804 accepted; pageSize 1000 accepted; MAX_PAGE_SIZE 1000");
  }

  @Test
  void aNarrowerMinerIdPatternAndALowerPageSizeBoundInACopyOfTheSpecChangeTheClient(
      @TempDir Path dir) throws Exception {
    String spec = Files.readString(SPEC, StandardCharsets.UTF_8);
    assertThat(spec).contains(MINER_ID).contains(PAGE_SIZE);
    Path edited = dir.resolve("spacescope.yaml");
    Files.writeString(
        edited,
        spec.replace(MINER_ID, "pattern: '^f0[0-9]{1,4}$', example: f01234}")
            .replace(PAGE_SIZE, "minimum: 1, maximum: 50, example: 10}"),
        StandardCharsets.UTF_8);

    assertThat(probe(edited, "f0110804", "100", "f01234", "50"))
        .containsExactly(
            "minerId f0110804 refused; pageSize: 100 is not accepted; accepted: 1 to 50;"
                + " MAX_PAGE_SIZE 50",
            "minerId f01234 accepted; pageSize 50 accepted; MAX_PAGE_SIZE 50");
  }

  /** Runs the probe in a fresh JVM with pairs of a provider id and a page size. */
  private static List<String> probe(Path spec, String... pairs)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    if (spec != null) {
      command.add("-D" + ApiRules.SPEC_PROPERTY + "=" + spec.toAbsolutePath());
    }
    command.add(SpecRulesProbe.class.getName());
    command.addAll(List.of(pairs));
    Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    return out.lines().toList();
  }
}
