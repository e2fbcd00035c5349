package io.github.spacescopejava.generated.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of this repository that the conformance tests read: the spec and the decision record. */
final class ProjectFiles {
  static final String SPEC_PROPERTY = "spacescope.spec";

  private ProjectFiles() {}

  /** The spec: {@code -Dspacescope.spec} (set by surefire), else found above the working dir. */
  static Path spec() {
    String configured = System.getProperty(SPEC_PROPERTY);
    Path spec =
        configured != null && !configured.isBlank()
            ? Path.of(configured).toAbsolutePath().normalize()
            : root().resolve("spec/spacescope.yaml");
    if (!Files.isRegularFile(spec)) {
      fail(
          "The spec is not at "
              + spec
              + "; set -D"
              + SPEC_PROPERTY
              + "=<repo>/spec/spacescope.yaml");
    }
    return spec;
  }

  /** The repository's root: the folder holding {@code spec/spacescope.yaml}. */
  static Path root() {
    String configured = System.getProperty(SPEC_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path parent = Path.of(configured).toAbsolutePath().normalize().getParent();
      if (parent != null && parent.getParent() != null) {
        return parent.getParent();
      }
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("spec/spacescope.yaml"))) {
        return dir;
      }
    }
    return fail(
        "No spec/spacescope.yaml above "
            + Path.of("").toAbsolutePath()
            + "; set -D"
            + SPEC_PROPERTY
            + "=<repo>/spec/spacescope.yaml");
  }

  static Path decisions() {
    return root().resolve("docs/decisions.md");
  }
}
