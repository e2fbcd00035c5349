package io.github.spacescopejava.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The READMEs show code that the build compiles and runs: every {@code java} and {@code xml} block
 * of README.md and spacescope-testkit/README.md is, verbatim, a tagged region ({@code tag::name[]}
 * ... {@code end::name[]}) of a consumer project under src/it, which the invoker builds and tests.
 * Regions of one name are joined with a blank line; {@code @project.version@} reads as the version.
 */
class ReadmeSnippetsTest {
  private static final Path ROOT = Path.of(System.getProperty("spacescope.root", ".."));
  private static final String VERSION = System.getProperty("spacescope.version", "");
  private static final List<Path> READMES =
      List.of(ROOT.resolve("README.md"), ROOT.resolve("spacescope-testkit/README.md"));
  private static final Pattern FENCE =
      Pattern.compile("^```(java|xml)\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);
  private static final Pattern MARKER = Pattern.compile("(tag|end)::([a-z0-9-]+)\\[\\]");

  @Test
  void everyJavaAndXmlBlockOfTheReadmesIsCompiledCode() {
    Map<String, String> regions = regions();
    List<String> problems = new ArrayList<>();
    for (Path readme : READMES) {
      for (String block : blocks(readme)) {
        if (!regions.containsValue(block)) {
          problems.add(
              ROOT.relativize(readme)
                  + ": this block is not a tagged region of src/it (edit the code there and copy"
                  + " the region here):\n"
                  + block);
        }
      }
    }
    assertThat(problems).as("README blocks that no build compiles").isEmpty();
  }

  @Test
  void everyTaggedRegionIsShownInAReadme() {
    List<String> shown = READMES.stream().flatMap(r -> blocks(r).stream()).toList();
    Map<String, String> regions = regions();

    assertThat(regions).as("tagged regions in src/it").isNotEmpty();
    assertThat(regions.entrySet())
        .allSatisfy(
            e ->
                assertThat(shown)
                    .as("region %s, not shown in any README:%n%s", e.getKey(), e.getValue())
                    .contains(e.getValue()));
  }

  @Test
  void theBomAlignsJacksonAtTheVersionTheClientsAreBuiltWith() {
    Pattern version = Pattern.compile("<jackson\\.version>([^<]+)</jackson\\.version>");
    Matcher parent = version.matcher(read(ROOT.resolve("pom.xml")));
    Matcher bom = version.matcher(read(ROOT.resolve("spacescope-bom/pom.xml")));

    assertThat(parent.find()).as("jackson.version in the parent pom").isTrue();
    assertThat(bom.find()).as("jackson.version in the BOM").isTrue();
    assertThat(bom.group(1)).isEqualTo(parent.group(1));
  }

  private static List<String> blocks(Path readme) {
    List<String> blocks = new ArrayList<>();
    Matcher m = FENCE.matcher(read(readme));
    while (m.find()) {
      blocks.add(m.group(2));
    }
    assertThat(blocks).as("code blocks in %s", readme).isNotEmpty();
    return blocks;
  }

  /** Name to text, from every java file and pom under src/it. */
  private static Map<String, String> regions() {
    Map<String, List<List<String>>> parts = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(ROOT.resolve("spacescope-downstream/src/it"))) {
      for (Path file :
          files
              .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith("pom.xml"))
              .sorted()
              .toList()) {
        Map<String, List<String>> open = new LinkedHashMap<>();
        for (String line : read(file).split("\n", -1)) {
          Matcher marker = MARKER.matcher(line);
          if (marker.find()) {
            String name = marker.group(2);
            if (marker.group(1).equals("tag")) {
              List<String> part = new ArrayList<>();
              open.put(name, part);
              parts.computeIfAbsent(name, k -> new ArrayList<>()).add(part);
            } else {
              assertThat(open.remove(name)).as("%s: end::%s[] without tag", file, name).isNotNull();
            }
            continue;
          }
          open.values().forEach(part -> part.add(line.replace("@project.version@", VERSION)));
        }
        assertThat(open.keySet()).as("%s: tags never ended", file).isEmpty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> regions = new LinkedHashMap<>();
    parts.forEach(
        (name, list) ->
            regions.put(
                name,
                list.stream().map(ReadmeSnippetsTest::dedent).collect(Collectors.joining("\n"))));
    return regions;
  }

  /** The lines without their common indentation, each ending in a newline. */
  private static String dedent(List<String> lines) {
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return lines.stream()
        .map(l -> l.isBlank() ? "" : l.substring(indent))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
