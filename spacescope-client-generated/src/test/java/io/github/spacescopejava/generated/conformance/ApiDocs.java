package io.github.spacescopejava.generated.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The public API reference data ({@code catalog.json}, {@code examples/}) that lives beside the
 * checkout, not in it.
 *
 * <p>Where the folder is absent the tests that need it are aborted with the reason (reported as
 * skipped), unless {@code CI=true} or {@code -Dspacescope.api.docs.required=true}: then they fail.
 */
final class ApiDocs {
  static final String LOCATION_PROPERTY = "spacescope.api.docs";
  static final String REQUIRED_PROPERTY = "spacescope.api.docs.required";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile ApiDocs loaded;

  private final Path root;
  private final List<CatalogEndpoint> endpoints;

  private ApiDocs(Path root, List<CatalogEndpoint> endpoints) {
    this.root = root;
    this.endpoints = endpoints;
  }

  /** The reference data; aborts (or, where it is required, fails) the calling test if absent. */
  static ApiDocs require() {
    ApiDocs docs = loaded;
    if (docs == null) {
      synchronized (ApiDocs.class) {
        if (loaded == null) {
          loaded = load(location());
        }
        docs = loaded;
      }
    }
    return docs;
  }

  /**
   * Every catalog endpoint, for {@code @MethodSource}. Where the data is absent (and not required)
   * this is one placeholder instead, whose test then aborts through {@link #require()}: Surefire
   * does not report an aborted argument source at all, but it does report a skipped test, named
   * after the place it looked.
   */
  static Stream<CatalogEndpoint> endpoints() {
    if (!required() && !Files.isRegularFile(location().resolve("catalog.json"))) {
      return Stream.of(CatalogEndpoint.absent(location()));
    }
    return require().endpoints.stream();
  }

  List<CatalogEndpoint> all() {
    return endpoints;
  }

  CatalogEndpoint endpoint(String path) {
    return endpoints.stream()
        .filter(e -> e.path().equals(path))
        .findFirst()
        .orElseGet(() -> fail("The catalog has no endpoint " + path));
  }

  /** The documented response example of {@code endpoint}, byte for byte. */
  byte[] exampleBytes(CatalogEndpoint endpoint) {
    Path file = root.resolve(endpoint.example()).normalize();
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the example of " + endpoint.path() + ": " + file, e);
    }
  }

  /** Where the tests look: {@code -Dspacescope.api.docs}, else {@code ../shared/spacescope-api}. */
  static Path location() {
    String configured = System.getProperty(LOCATION_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    return ProjectFiles.root().resolve("../shared/spacescope-api").toAbsolutePath().normalize();
  }

  static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CI"))
        || Boolean.parseBoolean(System.getProperty(REQUIRED_PROPERTY));
  }

  private static ApiDocs load(Path root) {
    Path catalog = root.resolve("catalog.json");
    if (!Files.isRegularFile(catalog)) {
      absent(
          "The SpaceScope API reference data was not found: looked for "
              + catalog
              + ". Point -D"
              + LOCATION_PROPERTY
              + "=<folder holding catalog.json and examples/> at it"
              + " (by default the build uses ../shared/spacescope-api beside the checkout).");
    }
    try {
      JsonNode tree = JSON.readTree(catalog.toFile());
      List<CatalogEndpoint> endpoints = new ArrayList<>();
      tree.path("endpoints").forEach(node -> endpoints.add(CatalogEndpoint.of(node)));
      if (endpoints.isEmpty()) {
        fail(catalog + " lists no endpoints");
      }
      return new ApiDocs(root, List.copyOf(endpoints));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + catalog, e);
    }
  }

  private static void absent(String reason) {
    if (required()) {
      fail(reason + " It is required here (CI=true or -D" + REQUIRED_PROPERTY + "=true).");
    }
    // Noted for the build's summary at the end of the log (spacescope-downstream), not printed
    // here in the middle of it.
    SkippedConformance.record("the API reference data is not at " + location());
    Assumptions.abort(
        reason
            + " Skipping the tests that need it (they fail when CI=true or -D"
            + REQUIRED_PROPERTY
            + "=true).");
  }
}
