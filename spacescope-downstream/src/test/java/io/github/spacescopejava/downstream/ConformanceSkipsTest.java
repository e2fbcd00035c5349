package io.github.spacescopejava.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceSkipsTest {
  @TempDir Path root;

  private void note(String module, String... lines) throws IOException {
    Path file = root.resolve(module).resolve("target/conformance-skipped.txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  @Test
  void listsEachSkippedTestClassOnceWithItsCountAndWhatItChecks() throws IOException {
    note(
        "spacescope-client-generated",
        "SpecExamplesTest\texamples equal the docs\tnot at /x",
        "SpecExamplesTest\texamples equal the docs\tnot at /x",
        "QuickStartGuideTest\tthe quick start\tnot at /x");
    note("spacescope-testkit", "RowRulesDocsTest\trules hold on the examples\tnot at /x");

    String report = ConformanceSkips.report(root, root.resolve("absent"));

    assertThat(report.lines())
        .containsExactly(
            "[spacescope conformance] WARNING: the API reference data is not at "
                + root.resolve("absent")
                + " (-Dspacescope.api.docs=<folder> points elsewhere). 4 tests were SKIPPED; the"
                + " artifacts do not depend on it, but these comparisons with the public docs did"
                + " not run (under CI=true they fail instead):",
            "  - spacescope-client-generated SpecExamplesTest (2): examples equal the docs",
            "  - spacescope-client-generated QuickStartGuideTest (1): the quick start",
            "  - spacescope-testkit RowRulesDocsTest (1): rules hold on the examples");
  }

  @Test
  void notesOfAnEarlierRunAreIgnoredOnceTheDataIsThere() throws IOException {
    note("spacescope-testkit", "RowRulesDocsTest\trules hold\tnot at /x");
    Path docs = root.resolve("docs");
    Files.createDirectories(docs);
    Files.writeString(docs.resolve("catalog.json"), "{}");

    assertThat(ConformanceSkips.report(root, docs))
        .startsWith("[spacescope conformance] the API reference data at " + docs + " was found")
        .doesNotContain("SKIPPED");
  }

  @Test
  void withoutTheDataAndWithoutNotesItSaysNoConformanceTestRan() throws IOException {
    assertThat(ConformanceSkips.report(root, root.resolve("absent")))
        .endsWith("No conformance test ran in this build.");
  }
}
