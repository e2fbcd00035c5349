package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spacescopejava.testkit.internal.OperationSpec.FieldSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The rules the spec declares on row properties (D26) stand on the documented examples in {@code
 * ../shared/spacescope-api} (read at test time, never copied): magnitudes are the examples' values
 * rounded to one significant digit, whole numbers are whole there, and every relation holds on the
 * examples within the rounding of the server's floating point.
 */
class RowRulesDocsTest {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

  private static Path docs() {
    String configured = System.getProperty("spacescope.api.docs", "");
    String spec = System.getProperty("spacescope.spec", "");
    Path root =
        !configured.isBlank()
            ? Path.of(configured)
            // beside the checkout: <repo>/spec/spacescope.yaml -> <repo>/../shared/spacescope-api
            : !spec.isBlank()
                ? Path.of(spec)
                    .toAbsolutePath()
                    .getParent()
                    .getParent()
                    .resolveSibling("shared")
                    .resolve("spacescope-api")
                : Path.of("../../shared/spacescope-api");
    boolean required =
        "true".equalsIgnoreCase(System.getenv("CI"))
            || Boolean.getBoolean("spacescope.api.docs.required");
    if (!Files.isRegularFile(root.resolve("catalog.json"))) {
      assertThat(required).as("the API reference data is required here: " + root).isFalse();
      String reason = "the API reference data is not at " + root.toAbsolutePath().normalize();
      noteSkipped(reason);
      Assumptions.abort(reason);
    }
    return root;
  }

  private static boolean noted;

  /**
   * One line in {@code target/conformance-skipped.txt} per skipped test (the first of a run
   * replaces the file), which the last module of the build prints at the end of the log.
   */
  private static synchronized void noteSkipped(String reason) {
    Path file = Path.of("target", "conformance-skipped.txt");
    String line =
        "RowRulesDocsTest\tthe rules declared on row properties hold on every documented example\t"
            + reason
            + "\n";
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          noted ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
          StandardOpenOption.WRITE);
      noted = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every documented example row, with the operation it belongs to. */
  private static List<Object[]> examples() throws IOException {
    Path root = docs();
    List<Object[]> out = new ArrayList<>();
    for (JsonNode e : JSON.readTree(root.resolve("catalog.json").toFile()).get("endpoints")) {
      OperationSpec op = ApiSpec.bundled().byPath(e.get("path").asText());
      assertThat(op).as(e.get("path").asText()).isNotNull();
      JsonNode data = JSON.readTree(root.resolve(e.get("example").asText()).toFile()).get("data");
      if (data != null && data.isArray()) {
        data.forEach(row -> out.add(new Object[] {op, row}));
      }
    }
    return out;
  }

  @Test
  void magnitudesAreTheExamplesRoundedToOneSignificantDigit() throws IOException {
    // The largest documented value of each field (several example rows for a few endpoints).
    java.util.Map<String, BigDecimal> largest = new java.util.LinkedHashMap<>();
    java.util.Map<String, FieldSpec> fields = new java.util.HashMap<>();
    List<String> wrong = new ArrayList<>();
    for (Object[] e : examples()) {
      OperationSpec op = (OperationSpec) e[0];
      JsonNode row = (JsonNode) e[1];
      for (FieldSpec f : op.rowFields()) {
        JsonNode v = row.get(f.name());
        if (v == null || !v.isNumber() || f.rules().topN() > 0 || f.name().contains("epoch")) {
          continue;
        }
        String key = op.path() + " " + f.name();
        fields.put(key, f);
        largest.merge(key, v.decimalValue(), (x, y) -> x.abs().compareTo(y.abs()) >= 0 ? x : y);
        if (f.rules().wholeNumber() && v.decimalValue().stripTrailingZeros().scale() > 0) {
          wrong.add(key + " is declared whole but the example has " + v);
        }
      }
    }
    List<String> undeclared = new ArrayList<>();
    int declared = 0;
    for (var entry : largest.entrySet()) {
      BigDecimal m = fields.get(entry.getKey()).rules().typicalMagnitude();
      BigDecimal example = entry.getValue();
      if (m == null) {
        if (example.signum() != 0 && !entry.getKey().matches(".* (deal_id|method)")) {
          undeclared.add(entry.getKey());
        }
        continue;
      }
      declared++;
      BigDecimal ratio =
          example.signum() == 0 ? BigDecimal.ZERO : m.divide(example, MathContext.DECIMAL64);
      if (ratio.compareTo(new BigDecimal("0.6")) < 0
          || ratio.compareTo(new BigDecimal("1.5")) > 0) {
        wrong.add(entry.getKey() + ": " + m + " for " + example);
      }
    }
    assertThat(declared).isGreaterThan(300);
    assertThat(undeclared).as("numeric fields with a documented value but no magnitude").isEmpty();
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyDeclaredRelationHoldsOnTheDocumentedExamples() throws IOException {
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Object[] e : examples()) {
      OperationSpec op = (OperationSpec) e[0];
      JsonNode row = (JsonNode) e[1];
      for (FieldSpec f : op.rowFields()) {
        if (row.get(f.name()) == null) {
          continue;
        }
        BigDecimal value = row.get(f.name()).decimalValue();
        if (!f.rules().sumOf().isEmpty()
            && f.rules().sumOf().stream().allMatch(t -> row.has(FieldRules.part(t)))) {
          checked++;
          BigDecimal sum = BigDecimal.ZERO;
          for (String t : f.rules().sumOf()) {
            BigDecimal part = row.get(FieldRules.part(t)).decimalValue();
            sum = FieldRules.subtracted(t) ? sum.subtract(part) : sum.add(part);
          }
          if (sum.subtract(value).abs().compareTo(tolerance(value)) > 0) {
            broken.add(op.path() + " " + f.name() + " = " + value + ", its parts sum to " + sum);
          }
        }
        for (String bound : f.rules().notGreaterThan()) {
          if (row.has(bound)) {
            checked++;
            BigDecimal b = row.get(bound).decimalValue();
            if (value.subtract(b).compareTo(tolerance(b)) > 0) {
              broken.add(op.path() + " " + f.name() + " " + value + " > " + bound + " " + b);
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(50);
    assertThat(broken).isEmpty();
  }

  /** The examples went through the server's doubles: 12 significant digits are certain. */
  private static BigDecimal tolerance(BigDecimal v) {
    return v.abs().multiply(new BigDecimal("1e-12")).add(new BigDecimal("1e-9"));
  }
}
