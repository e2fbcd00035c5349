package com.example.power;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The test class path this consumer got from the BOM, the client and the testkit, as Maven
 * resolved it: one Jackson (every module at the same minor version), and none of the testkit's
 * server libraries.
 */
class DependenciesTest {
  private static final Pattern JAR = Pattern.compile("(.+?)-(\\d+(?:\\.\\d+)*)(?:-[A-Za-z].*)?\\.jar");

  private static List<String> paths() {
    String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(path.split(File.pathSeparator))
        .filter(p -> p.endsWith(".jar"))
        .map(p -> p.replace(File.separatorChar, '/'))
        .collect(Collectors.toList());
  }

  private static List<String> jars() {
    return paths().stream().map(p -> p.substring(p.lastIndexOf('/') + 1)).collect(Collectors.toList());
  }

  @Test
  void everyJacksonModuleHasTheSameVersion() {
    List<String> jackson =
        paths().stream()
            .filter(p -> p.contains("/com/fasterxml/jackson/"))
            .map(p -> p.substring(p.lastIndexOf('/') + 1))
            .collect(Collectors.toList());
    Map<String, List<String>> byMinor =
        jackson.stream()
            .collect(
                Collectors.groupingBy(
                    n -> {
                      Matcher m = JAR.matcher(n);
                      assertThat(m.matches()).as(n).isTrue();
                      String[] v = m.group(2).split("\\.");
                      return v[0] + "." + v[1];
                    }));
    assertThat(jackson).as("the client's Jackson").isNotEmpty();
    assertThat(byMinor).as("Jackson versions on the test class path: %s", jackson).hasSize(1);
  }

  @Test
  void theTestkitBringsNoServerLibraries() {
    assertThat(jars())
        .noneMatch(n -> n.startsWith("wiremock"))
        .noneMatch(n -> n.startsWith("jetty-"))
        .noneMatch(n -> n.startsWith("guava-"))
        .noneMatch(n -> n.startsWith("swagger-"))
        .noneMatch(n -> n.startsWith("httpclient"));
  }

  @Test
  void theClientBringsNoMicrometer() {
    // Micrometer is an optional dependency of the client: only users of SpaceScopeMetrics add it.
    assertThat(jars()).isNotEmpty().noneMatch(n -> n.startsWith("micrometer-"));
  }
}
