package io.github.spacescopejava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * The spec's YAML tree, and the same tree as JSON inside the testkit's jar (D37). The build writes
 * {@link #RESOURCE} from {@code spec/spacescope.yaml} ({@link #main}); at run time the bundled spec
 * is read from it when it was made from the very YAML on the classpath (same length and CRC-32),
 * which spares a cold JVM the YAML parser. Any other YAML is parsed as YAML.
 */
public final class SpecTree {
  /** The JSON tree of the bundled spec, with the length and CRC-32 of the YAML it was made from. */
  static final String RESOURCE = "io/github/spacescopejava/testkit/internal/spacescope-spec.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SpecTree() {}

  /** The tree of a YAML (or JSON) text. */
  static JsonNode ofYaml(String text) throws IOException {
    return Yaml.MAPPER.readTree(text);
  }

  /**
   * The tree of the classpath spec whose text is {@code yaml}, from the JSON made at build time.
   */
  static @Nullable JsonNode prebuilt(String yaml) {
    ClassLoader loader = SpecTree.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      JsonNode root = JSON.readTree(in);
      byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
      if (root.path("length").asLong(-1) != bytes.length
          || root.path("crc32").asLong(-1) != crc32(bytes)
          || !root.path("spec").isObject()) {
        return null; // made from another spec: read the YAML itself
      }
      return root.get("spec");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static long crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }

  /**
   * Writes {@link #RESOURCE}: {@code SpecTree <spec.yaml> <output directory>}. Run by the build
   * (exec-maven-plugin, process-classes); not an API.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: SpecTree <spec.yaml> <classes directory>");
    }
    byte[] bytes = Files.readAllBytes(Path.of(args[0]));
    ObjectNode root = JSON.createObjectNode();
    root.put("length", bytes.length);
    root.put("crc32", crc32(bytes));
    root.set("spec", ofYaml(new String(bytes, StandardCharsets.UTF_8)));
    Path out = Path.of(args[1]).resolve(RESOURCE);
    Files.createDirectories(out.getParent());
    Files.write(out, JSON.writeValueAsBytes(root));
  }

  /** Loaded only when some YAML is read: a cold JVM serving the bundled spec never needs it. */
  private static final class Yaml {
    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
  }
}
