package io.github.spacescopejava.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the operation groups are derived from the spec: every operation of the spec shipped in the
 * generated jar has its methods, with the argument types its shape calls for.
 */
class OperationCoverageTest {
  private static final JsonNode SPEC = readSpec();

  record Operation(String tag, String nickname, String shape, JsonNode node) {
    @Override
    public String toString() {
      return tag + "." + nickname + " (" + shape + ")";
    }
  }

  static Stream<Operation> operations() {
    List<Operation> ops = new ArrayList<>();
    SPEC.get("paths")
        .properties()
        .forEach(
            path -> {
              JsonNode get = path.getValue().get("get");
              String id = get.get("operationId").asText();
              ops.add(
                  new Operation(
                      get.get("tags").get(0).asText(),
                      id.substring(id.indexOf('_') + 1),
                      get.get("x-shape").asText(),
                      get));
            });
    return ops.stream();
  }

  @Test
  void specHasSeventyEightOperations() {
    assertThat(operations()).hasSize(78);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void everyOperationIsReachableWithTheArgumentsItsShapeCallsFor(Operation op) throws Exception {
    Class<?> group =
        Class.forName("io.github.spacescopejava.client.api." + op.tag() + "Operations");
    Method accessor =
        SpaceScope.class.getMethod(
            Character.toLowerCase(op.tag().charAt(0)) + op.tag().substring(1));
    assertThat(accessor.getReturnType()).isEqualTo(group);

    List<List<Class<?>>> signatures =
        Arrays.stream(group.getMethods())
            .filter(m -> m.getName().equals(op.nickname()) && Modifier.isPublic(m.getModifiers()))
            .map(m -> List.<Class<?>>of(m.getParameterTypes()))
            .toList();
    boolean perProvider = op.node().path("x-per-storage-provider").asBoolean();
    switch (op.shape()) {
      case "day-range" -> {
        // x-without-dates adds the whole series: the same name with no argument.
        assertThat(signatures)
            .containsExactlyInAnyOrderElementsOf(
                op.node().has("x-without-dates")
                    ? List.of(List.of(DateRange.class), List.of())
                    : List.of(List.of(DateRange.class)));
      }
      case "hourly-range" -> assertThat(signatures).containsExactly(List.of(HourRange.class));
      case "paged-search" -> assertThat(signatures).containsExactly(List.of(DealSearch.class));
      case "state-day" -> {
        List<List<Class<?>>> expected =
            new ArrayList<>(List.of(List.of(java.time.LocalDate.class), List.of(DateRange.class)));
        if (perProvider) {
          expected.add(List.of(java.time.LocalDate.class, ProviderId.class));
          expected.add(List.of(DateRange.class, ProviderId.class));
        }
        assertThat(signatures).containsExactlyInAnyOrderElementsOf(expected);
      }
      default -> throw new AssertionError("unknown shape " + op.shape());
    }
    boolean deprecated = op.node().path("deprecated").asBoolean();
    Arrays.stream(group.getMethods())
        .filter(m -> m.getName().startsWith(op.nickname()) && !perProviderOverload(m))
        .forEach(
            m ->
                assertThat(m.isAnnotationPresent(Deprecated.class))
                    .as("%s deprecated like the spec says", m)
                    .isEqualTo(deprecated));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("operations")
  void shapeAgreesWithTheParametersTheTemplatesBindTo(Operation op) {
    List<String> params = new ArrayList<>();
    op.node()
        .get("parameters")
        .forEach(p -> params.add(p.get("$ref").asText().replace("#/components/parameters/", "")));
    boolean anyRequired =
        params.stream()
            .anyMatch(p -> SPEC.at("/components/parameters/" + p + "/required").asBoolean());
    // The templates tell paged-search apart by its required parameter (page_size).
    assertThat(anyRequired).isEqualTo(op.shape().equals("paged-search"));
    assertThat(op.node().has("x-max-window-days"))
        .isEqualTo(op.shape().equals("day-range") || op.shape().equals("hourly-range"));
    switch (op.shape()) {
      case "day-range" -> assertThat(params).containsExactly("StartDate", "EndDate");
      case "hourly-range" -> assertThat(params).containsExactly("StartHour", "EndHour");
      case "state-day" -> assertThat(params).startsWith("StateDate");
      case "paged-search" -> assertThat(params).startsWith("PageSize", "Page");
      default -> throw new AssertionError(op.shape());
    }
  }

  private static boolean perProviderOverload(Method m) {
    // Per-provider overloads exist only for v2 operations, which are not deprecated.
    return Arrays.asList(m.getParameterTypes()).contains(ProviderId.class);
  }

  private static JsonNode readSpec() {
    try (InputStream in =
        OperationCoverageTest.class.getResourceAsStream(
            "/io/github/spacescopejava/spec/spacescope.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
