package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import feign.Param;
import io.github.spacescopejava.generated.GeneratedClients;
import io.github.spacescopejava.testkit.internal.ApiSpec;
import io.github.spacescopejava.testkit.internal.OperationSpec;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Walks the spec and calls every operation through the generated Feign client. */
@SpaceScopeFakeTest(clock = "2022-07-10T00:00:00Z")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryOperationTest {
  private static final LocalDate FIRST = LocalDate.of(2022, 7, 1);

  /** One client per API interface: a JDK HttpClient each is costly to build 78 times. */
  private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();

  static Stream<Arguments> operations() {
    return ApiSpec.bundled().operations().stream()
        .map(op -> Arguments.of(named(op.operationId() + " " + op.path(), op)));
  }

  @Test
  void theSpecHasTheSeventyEightDocumentedOperations() {
    assertThat(ApiSpec.bundled().operations()).hasSize(78);
  }

  @ParameterizedTest
  @MethodSource("operations")
  void servesTheOperationWithRowsThatMatchTheRequest(OperationSpec op, SpaceScopeFake fake) {
    Object api =
        apis.computeIfAbsent(
            apiClass(op), type -> GeneratedClients.create(type, fake.baseUrl(), fake.token()));
    switch (op.shape()) {
      case DAY_RANGE -> {
        List<?> rows = call(api, op, Map.of("startDate", FIRST, "endDate", FIRST.plusDays(2)));
        assertThat(rowInstants(op, rows))
            .containsExactly(
                instant(FIRST), instant(FIRST.plusDays(1)), instant(FIRST.plusDays(2)));
      }
      case HOURLY_RANGE -> {
        List<?> rows =
            call(
                api,
                op,
                Map.of("startHour", "2022-07-01T00:00:00Z", "endHour", "2022-07-01T05:00:00Z"));
        assertThat(rowInstants(op, rows))
            .containsExactlyElementsOf(
                IntStream.range(0, 6)
                    .mapToObj(h -> instant(FIRST).plusSeconds(3600L * h))
                    .toList());
      }
      case STATE_DAY -> {
        Map<String, Object> args =
            op.perStorageProvider()
                ? Map.of("stateDate", FIRST, "minerId", "f01234")
                : Map.of("stateDate", FIRST);
        List<?> rows = call(api, op, args);
        // The docs name every top-N list in its path (top10_...): ten rows there, one elsewhere.
        assertThat(rows).hasSize(op.path().contains("/top10_") ? 10 : 1);
        assertThat(rowInstants(op, rows)).containsOnly(instant(FIRST));
        if (op.perStorageProvider()) {
          assertThat(getter(rows.get(0), "miner_id")).isEqualTo("f01234");
          assertThat(call(api, op, Map.of("stateDate", FIRST)))
              .hasSize(SpaceScopeFake.DEFAULT_PROVIDER_POPULATION);
        }
      }
      case PAGED_SEARCH -> {
        assertThat(
                IntStream.range(0, 4)
                    .map(
                        page ->
                            call(
                                    api,
                                    op,
                                    Map.of("pageSize", 100, "page", page, "providerId", "f01234"))
                                .size()))
            .containsExactly(100, 100, 50, 0);
        assertThat(call(api, op, Map.of("pageSize", 10, "dealId", 42L))).hasSize(1);
      }
      default -> throw new AssertionError(op.shape());
    }
    assertThat(fake.invalidRequests()).isEmpty();
  }

  private static Class<?> apiClass(OperationSpec op) {
    String tag = op.operationId().substring(0, op.operationId().indexOf('_'));
    try {
      return Class.forName(
          "io.github.spacescopejava.generated.api."
              + Character.toUpperCase(tag.charAt(0))
              + tag.substring(1)
              + "Api");
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no generated interface for tag " + tag, e);
    }
  }

  /** Calls the operation's method with the arguments named after its {@code @Param}s. */
  private static List<?> call(Object api, OperationSpec op, Map<String, Object> args) {
    String name = op.operationId().substring(op.operationId().indexOf('_') + 1);
    try {
      Method m =
          Stream.of(api.getClass().getInterfaces()[0].getMethods())
              .filter(x -> x.getName().equals(name))
              .findFirst()
              .orElseThrow();
      Map<String, Object> given = new HashMap<>(args);
      Object[] values = Stream.of(m.getParameters()).map(p -> given.remove(param(p))).toArray();
      if (!given.isEmpty()) {
        throw new AssertionError(name + " has no parameter " + given.keySet());
      }
      Object response = m.invoke(api, values);
      assertThat(response.getClass().getMethod("getCode").invoke(response)).isEqualTo(0);
      List<?> data = (List<?>) response.getClass().getMethod("getData").invoke(response);
      assertThat(data)
          .allSatisfy(row -> assertThat(row.getClass().getSimpleName()).endsWith("Row"));
      return data;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static String param(Parameter p) {
    return p.getAnnotation(Param.class).value();
  }

  private static List<Instant> rowInstants(OperationSpec op, List<?> rows) {
    return rows.stream()
        .map(r -> ((OffsetDateTime) getter(r, op.rowDateField())).toInstant())
        .toList();
  }

  private static @Nullable Object getter(Object row, @Nullable String field) {
    StringBuilder name = new StringBuilder("get");
    for (String part : String.valueOf(field).split("_")) {
      name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    try {
      return row.getClass().getMethod(name.toString()).invoke(row);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Instant instant(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC);
  }
}
