package io.github.spacescopejava.client.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeExtension;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Micrometer is optional (decision D61): the client, its listeners included, runs in a class loader
 * that has every jar of the test class path but Micrometer's; only {@link SpaceScopeMetrics} needs
 * it.
 */
class WithoutMicrometerTest {
  @RegisterExtension
  static final SpaceScopeFakeExtension FAKE =
      SpaceScopeFakeExtension.builder().clock(Instant.parse("2025-01-02T00:00:00Z")).build();

  private static URL[] classPathWithoutMicrometer() {
    // Surefire may start the JVM from a manifest-only jar; it names the real class path here.
    String path =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> entries = List.of(path.split(File.pathSeparator));
    assertThat(entries)
        .as("the test class path has Micrometer")
        .anyMatch(e -> e.contains("micrometer-core"));
    return entries.stream()
        .filter(e -> !Path.of(e).getFileName().toString().startsWith("micrometer-"))
        .map(WithoutMicrometerTest::url)
        .toArray(URL[]::new);
  }

  private static URL url(String entry) {
    try {
      return Path.of(entry).toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(entry, e);
    }
  }

  @Test
  void theClientAndItsListenersWorkWithoutMicrometerOnTheClassPath(SpaceScopeFake fake)
      throws Exception {
    try (URLClassLoader loader =
        new URLClassLoader(classPathWithoutMicrometer(), ClassLoader.getPlatformClassLoader())) {
      assertThatThrownBy(
              () -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader))
          .isInstanceOf(ClassNotFoundException.class);

      Object heard =
          Class.forName(WithoutMicrometer.class.getName(), true, loader)
              .getMethod("call", String.class, String.class)
              .invoke(null, fake.baseUrl(), fake.token());

      assertThat(heard).isEqualTo(List.of("rows 1", "answered 1"));
      // What needs Micrometer is the metrics listener alone.
      assertThatThrownBy(() -> load(SpaceScopeMetrics.class.getName(), loader).getMethods())
          .isInstanceOf(NoClassDefFoundError.class)
          .hasMessageContaining("io/micrometer");
      assertThat(
              Stream.of(
                      "io.github.spacescopejava.client.SpaceScope",
                      "io.github.spacescopejava.client.event.AttemptAnswered")
                  .map(n -> load(n, loader).getClassLoader()))
          .as("the client's classes came from the loader without Micrometer")
          .containsOnly(loader);
    }
  }

  private static Class<?> load(String name, ClassLoader loader) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
