package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./spacescope} script as a user runs it: the first run prepares the class-data archive
 * (once), later runs map it and say nothing about it, and the archive holds the command's own
 * classes.
 */
class LauncherIT {
  private final Path jar = Path.of(System.getProperty("cli.jar")).toAbsolutePath();
  private final Path root = jar.getParent().getParent().getParent();

  record Run(int exitCode, String out, String err) {}

  private Run run(Path dir, List<String> command) throws IOException, InterruptedException {
    Path out = dir.resolve("out-" + System.nanoTime());
    Path err = dir.resolve("err-" + System.nanoTime());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(root.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().remove("SPACESCOPE_CDS");
    builder.environment().remove("SPACESCOPE_API_TOKEN");
    Process process = builder.start();
    assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private List<Path> archives() throws IOException {
    try (Stream<Path> files = Files.list(jar.getParent())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
    }
  }

  @Test
  void theFirstRunPreparesTheArchiveAndLaterRunsUseItSilently(@TempDir Path dir)
      throws IOException, InterruptedException {
    for (Path archive : archives()) {
      Files.delete(archive);
    }
    List<String> endpoints = List.of("bash", root.resolve("spacescope").toString(), "endpoints");

    Run first = run(dir, endpoints);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err()).contains("preparing a class-data archive");
    assertThat(first.out()).contains("power/network_storage_capacity");
    assertThat(archives()).hasSize(1);
    Path archive = archives().get(0);

    Run second = run(dir, endpoints);
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.err()).isEmpty();
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(archives()).containsExactly(archive);

    // The archive holds the command's classes: a JVM mapping it loads them from there.
    List<String> logged = new ArrayList<>();
    logged.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    logged.addAll(
        List.of(
            "-XX:SharedArchiveFile=" + archive,
            "-Xlog:class+load=info",
            "-jar",
            jar.toString(),
            "endpoints"));
    Run classes = run(dir, logged);
    assertThat(classes.exitCode()).as(classes.err()).isZero();
    assertThat(classes.out().lines())
        .filteredOn(l -> l.contains(" io.github.spacescopejava.cli.Main "))
        .singleElement()
        .asString()
        .contains("shared objects file (top)");

    // Turned off, nothing is prepared or mapped.
    Files.delete(archive);
    List<String> off =
        List.of(
            "env", "SPACESCOPE_CDS=0", "bash", root.resolve("spacescope").toString(), "--version");
    Run without = run(dir, off);
    assertThat(without.exitCode()).as(without.err()).isZero();
    assertThat(without.err()).isEmpty();
    assertThat(archives()).isEmpty();
  }
}
