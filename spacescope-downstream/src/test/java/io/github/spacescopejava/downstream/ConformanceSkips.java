package io.github.spacescopejava.downstream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The build's last word on the conformance tests (exec-maven-plugin, at the end of {@code verify}):
 * where the public API reference data was absent, lists once, at the end of the log, every test
 * that was skipped for it and what it would have checked, from the {@code
 * target/conformance-skipped.txt} each module's skipped tests wrote. Where the data is present,
 * says so in one line.
 *
 * <p>Arguments: the root of the checkout, the folder of the reference data.
 */
public final class ConformanceSkips {
  private ConformanceSkips() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    Path docs = Path.of(args[1]).toAbsolutePath().normalize();
    System.out.println(report(root, docs));
  }

  /** The lines to print; notes left by an earlier run count only while the data is absent. */
  static String report(Path root, Path docs) throws IOException {
    if (Files.isRegularFile(docs.resolve("catalog.json"))) {
      return "[spacescope conformance] the API reference data at "
          + docs
          + " was found: the conformance tests compared the spec and the client with it.";
    }
    // test class -> [module, what it checks, count]
    Map<String, String[]> skipped = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<Path> notes = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      modules
          .map(m -> m.resolve("target/conformance-skipped.txt"))
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(notes::add);
    }
    for (Path note : notes) {
      String module = note.getParent().getParent().getFileName().toString();
      for (String line : Files.readAllLines(note, StandardCharsets.UTF_8)) {
        String[] parts = line.split("\t", 3);
        if (parts.length < 2) {
          continue;
        }
        String key = module + " " + parts[0];
        skipped.putIfAbsent(key, new String[] {module, parts[0], parts[1]});
        counts.merge(key, 1, Integer::sum);
      }
    }
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder out = new StringBuilder();
    out.append("[spacescope conformance] WARNING: the API reference data is not at ")
        .append(docs)
        .append(" (-Dspacescope.api.docs=<folder> points elsewhere). ");
    if (total == 0) {
      return out.append("No conformance test ran in this build.").toString();
    }
    out.append(total)
        .append(total == 1 ? " test was" : " tests were")
        .append(" SKIPPED; the artifacts do not depend on it, but these comparisons with the")
        .append(" public docs did not run (under CI=true they fail instead):");
    skipped.forEach(
        (key, s) ->
            out.append(System.lineSeparator())
                .append("  - ")
                .append(s[0])
                .append(' ')
                .append(s[1])
                .append(" (")
                .append(counts.get(key))
                .append("): ")
                .append(s[2]));
    return out.toString();
  }
}
