package io.github.spacescopejava.downstream;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The build's last word on the conformance tests (exec-maven-plugin, in the Maven JVM, at the end
 * of {@code verify}): lists once, at the end of the log, every test that this build skipped for
 * lack of the public API reference data and what it would have checked, from the {@code
 * target/conformance-skipped.txt} each module's skipped tests wrote. It never looks for the data
 * itself: notes written before this build started (the Maven JVM's start) are an earlier build's.
 *
 * <p>Argument: the root of the checkout.
 */
public final class ConformanceSkips {
  private ConformanceSkips() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]).toAbsolutePath().normalize();
    Instant buildStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
    System.out.println(report(root, buildStart));
  }

  /** The lines to print, from the notes written since {@code since}. */
  static String report(Path root, Instant since) throws IOException {
    // test class -> [module, class, what it checks, why]
    Map<String, String[]> skipped = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    List<Path> notes = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path note :
          (Iterable<Path>)
              modules.map(m -> m.resolve("target/conformance-skipped.txt")).sorted()::iterator) {
        if (Files.isRegularFile(note)
            && !Files.getLastModifiedTime(note).toInstant().isBefore(since)) {
          notes.add(note);
        }
      }
    }
    for (Path note : notes) {
      String module = note.getParent().getParent().getFileName().toString();
      for (String line : Files.readAllLines(note, StandardCharsets.UTF_8)) {
        String[] parts = line.split("\t", 3);
        if (parts.length < 3) {
          continue;
        }
        String key = module + " " + parts[0];
        skipped.putIfAbsent(key, new String[] {module, parts[0], parts[1], parts[2]});
        counts.merge(key, 1, Integer::sum);
      }
    }
    int total = counts.values().stream().mapToInt(Integer::intValue).sum();
    if (total == 0) {
      return "[spacescope conformance] no conformance test was skipped in this build for lack of"
          + " the API reference data.";
    }
    StringBuilder out = new StringBuilder();
    out.append("[spacescope conformance] WARNING: ")
        .append(total)
        .append(total == 1 ? " test was" : " tests were")
        .append(" SKIPPED: ")
        .append(skipped.values().iterator().next()[3])
        .append(" (-Dspacescope.api.docs=<folder> points elsewhere). The artifacts do not depend")
        .append(" on it, but these comparisons with the public docs did not run (under CI=true")
        .append(" they fail instead):");
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
