package io.github.spacescopejava.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The generated sections of docs/RELIABILITY.md, each between {@code <!-- name:begin -->} and
 * {@code <!-- name:end -->}. A test computes its section and fails when the committed file differs;
 * with {@code -Dreliability.update=true} it writes the section instead (then review and commit).
 */
final class ReliabilityDoc {
  private ReliabilityDoc() {}

  static Path path() {
    String configured = System.getProperty("reliability.doc");
    return configured != null ? Path.of(configured) : Path.of("../docs/RELIABILITY.md");
  }

  static void check(String section, String content) throws IOException {
    Path doc = path();
    String text = Files.readString(doc);
    String begin = "<!-- " + section + ":begin -->\n";
    String end = "<!-- " + section + ":end -->";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    assertThat(from).as("%s has no %s section", doc, section).isNotNegative();
    assertThat(to).as("%s has no end of the %s section", doc, section).isGreaterThan(from);
    String committed = text.substring(from + begin.length(), to);
    if (Boolean.getBoolean("reliability.update")) {
      Files.writeString(
          doc, text.substring(0, from + begin.length()) + content + text.substring(to));
      return;
    }
    assertThat(committed)
        .as(
            "section %s of %s is not what the test measures now: rerun with"
                + " -Dreliability.update=true, review the diff and commit it",
            section, doc)
        .isEqualTo(content);
  }
}
