package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar, run in its own JVM as the ./spacescope script runs it: the README's main command
 * on the in-process fake. Catches what in-process tests cannot, such as a dependency missing from
 * the jar.
 */
class RunnableJarIT {
  @Test
  void theReadmeCommandRunsFromTheJar(@TempDir Path dir) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("cli.jar"));
    Path out = dir.resolve("out.csv");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar",
                    jar.toString(),
                    "--fake",
                    "fetch",
                    "power/network_storage_capacity",
                    "--from",
                    "2024-01-01",
                    "--to",
                    "2024-12-31",
                    "--format",
                    "csv"))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().remove("SPACESCOPE_API_TOKEN");
    Process process = builder.start();
    assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();

    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(stderr).isZero();
    assertThat(stderr).isEmpty();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines).hasSize(367);
    assertThat(lines.get(0))
        .isEqualTo("stat_date,total_qa_bytes_power,total_raw_bytes_power,baseline_power");
    assertThat(lines.get(366)).startsWith("2024-12-31T00:00:00Z,");
  }
}
