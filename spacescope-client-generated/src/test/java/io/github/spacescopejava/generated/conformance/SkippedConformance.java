package io.github.spacescopejava.generated.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Notes each conformance test skipped for lack of the reference data in {@code
 * target/conformance-skipped.txt}, one line per test: the test class, what it checks (its {@link
 * Checks}) and why it was skipped. The last module of the build prints them together at the end of
 * the log ({@code spacescope-downstream}'s {@code ConformanceSkips}).
 */
final class SkippedConformance {
  static final Path FILE = Path.of("target", "conformance-skipped.txt");

  /** The first note of a test run replaces the file: notes of an earlier run are not kept. */
  private static boolean started;

  private SkippedConformance() {}

  static synchronized void record(String reason) {
    Class<?> test =
        StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
            .walk(
                frames ->
                    frames
                        .map(StackWalker.StackFrame::getDeclaringClass)
                        .filter(c -> c.isAnnotationPresent(Checks.class))
                        .findFirst()
                        .orElse(SkippedConformance.class));
    Checks checks = test.getAnnotation(Checks.class);
    String line =
        String.join(
                "\t",
                test.getSimpleName(),
                checks == null ? "" : checks.value(),
                reason.replace('\t', ' ').replace('\n', ' '))
            + "\n";
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(
          FILE,
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          started ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
      started = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
