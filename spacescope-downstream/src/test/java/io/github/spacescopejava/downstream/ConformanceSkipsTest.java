package io.github.spacescopejava.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceSkipsTest {
  private static final Instant BUILD_START = Instant.parse("2026-12-07T12:00:00Z");

  @TempDir Path root;

  private void note(String module, Instant written, String... lines) throws IOException {
    Path file = root.resolve(module).resolve("target/conformance-skipped.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
    Files.setLastModifiedTime(file, FileTime.from(written));
  }

  @Test
  void listsEachSkippedTestClassOnceWithItsCountAndWhatItChecks() throws IOException {
    Instant during = BUILD_START.plusSeconds(30);
    note(
        "spacescope-client-generated",
        during,
        "SpecExamplesTest\texamples equal the docs\tthe API reference data is not at /x",
        "SpecExamplesTest\texamples equal the docs\tthe API reference data is not at /x",
        "QuickStartGuideTest\tthe quick start\tthe API reference data is not at /x");
    note(
        "spacescope-testkit",
        during,
        "RowRulesDocsTest\trules hold on the examples\tthe API reference data is not at /x");

    String report = ConformanceSkips.report(root, BUILD_START);

    assertThat(report.lines())
        .containsExactly(
            "[spacescope conformance] WARNING: 4 tests were SKIPPED: the API reference data is not"
                + " at /x (-Dspacescope.api.docs=<folder> points elsewhere). The artifacts do not"
                + " depend on it, but these comparisons with the public docs did not run (under"
                + " CI=true they fail instead):",
            "  - spacescope-client-generated SpecExamplesTest (2): examples equal the docs",
            "  - spacescope-client-generated QuickStartGuideTest (1): the quick start",
            "  - spacescope-testkit RowRulesDocsTest (1): rules hold on the examples");
  }

  @Test
  void notesOfAnEarlierBuildAreIgnored() throws IOException {
    note(
        "spacescope-testkit",
        BUILD_START.minusSeconds(3600),
        "RowRulesDocsTest\trules hold\tthe API reference data is not at /x");

    assertThat(ConformanceSkips.report(root, BUILD_START))
        .isEqualTo(
            "[spacescope conformance] no conformance test was skipped in this build for lack of"
                + " the API reference data.");
  }
}
