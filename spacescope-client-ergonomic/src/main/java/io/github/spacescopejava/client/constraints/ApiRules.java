package io.github.spacescopejava.client.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The API's rules for its query parameters, as {@code spec/spacescope.yaml} states them (the
 * pattern, minimum and maximum of each shared parameter under {@code components.parameters}), read
 * from the copy of the spec packaged with the client, once per JVM, on first use. A spec edit
 * therefore changes what {@link ApiParameter} accepts with no Java edit: {@code miner_id}'s pattern
 * decides {@code ProviderId}, {@code page_size}'s maximum decides {@code DealSearch}.
 *
 * <p>The system property {@value #SPEC_PROPERTY} names another spec file to read instead; it is
 * meant for tests that edit a copy of the spec.
 */
public final class ApiRules {
  /** The system property naming a spec file to read instead of the packaged one. */
  public static final String SPEC_PROPERTY = "io.github.spacescopejava.client.spec";

  private static final String PACKAGED = "/io/github/spacescopejava/client/spacescope.yaml";

  /** One parameter's rules; absent parts are null. */
  record Rule(
      @Nullable Pattern pattern, @Nullable BigDecimal minimum, @Nullable BigDecimal maximum) {}

  private static final class Holder {
    static final Map<String, Rule> RULES = load();
  }

  private ApiRules() {}

  /**
   * The pattern of parameter {@code name} (its wire name, such as {@code miner_id}), if the spec
   * gives one.
   */
  public static Optional<Pattern> pattern(String name) {
    return Optional.ofNullable(rule(name).pattern());
  }

  /** The minimum of numeric parameter {@code name}, if the spec gives one. */
  public static Optional<BigDecimal> minimum(String name) {
    return Optional.ofNullable(rule(name).minimum());
  }

  /** The maximum of numeric parameter {@code name}, if the spec gives one. */
  public static Optional<BigDecimal> maximum(String name) {
    return Optional.ofNullable(rule(name).maximum());
  }

  static Rule rule(String name) {
    Rule rule = Holder.RULES.get(name);
    if (rule == null) {
      throw new IllegalArgumentException(
          "the spec has no shared parameter '" + name + "' (components.parameters)");
    }
    return rule;
  }

  private static Map<String, Rule> load() {
    String override = System.getProperty(SPEC_PROPERTY);
    try (InputStream in =
        override != null
            ? Files.newInputStream(Path.of(override))
            : ApiRules.class.getResourceAsStream(PACKAGED)) {
      if (in == null) {
        throw new IllegalStateException("the client's jar lacks its spec, " + PACKAGED);
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the API spec", e);
    }
  }

  static Map<String, Rule> parse(InputStream yaml) throws IOException {
    JsonNode parameters =
        new ObjectMapper(new YAMLFactory()).readTree(yaml).path("components").path("parameters");
    Map<String, Rule> rules = new HashMap<>();
    for (Iterator<JsonNode> it = parameters.elements(); it.hasNext(); ) {
      JsonNode p = it.next();
      JsonNode schema = p.path("schema");
      rules.put(
          p.path("name").asText(),
          new Rule(
              schema.hasNonNull("pattern") ? Pattern.compile(schema.get("pattern").asText()) : null,
              schema.hasNonNull("minimum") ? schema.get("minimum").decimalValue() : null,
              schema.hasNonNull("maximum") ? schema.get("maximum").decimalValue() : null));
    }
    return Map.copyOf(rules);
  }
}
