package io.github.spacescopejava.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.DealSearch;
import io.github.spacescopejava.client.HourRange;
import io.github.spacescopejava.client.InvalidInputException;
import io.github.spacescopejava.client.ProviderId;
import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeTest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.BaseStream;
import org.junit.jupiter.api.Test;

/**
 * At least 100 malformed inputs across every public entry point: each operation of every group
 * (found by reflection, so a new operation joins the corpus by itself), the value types' factories,
 * {@link DealSearch}, {@link RetryPolicy} and {@link SpaceScope#builder()}. Each must fail with
 * {@link InvalidInputException} naming the parameter, before any request reaches the fake.
 */
@SpaceScopeFakeTest
class BadInputCorpusTest {
  static final LocalDate DAY = LocalDate.of(2024, 12, 30);

  /** One malformed input: where it goes, the call, and the parameter its message must name. */
  record Case(String entryPoint, String input, Supplier<Object> call, Set<String> parameters) {}

  @Test
  void everyMalformedInputIsRejectedBeforeAnyRequestWithTheParameterNamed(SpaceScopeFake fake)
      throws Exception {
    List<Case> cases;
    List<String> problems = new ArrayList<>();
    try (SpaceScope client = FaultMatrix.client(fake, Duration.ofSeconds(20))) {
      cases = corpus(client);
      for (Case c : cases) {
        int sent = fake.requests().size();
        Throwable thrown = catchThrowable(() -> consume(c.call().get()));
        if (fake.requests().size() != sent) {
          problems.add(c.entryPoint() + " " + c.input() + ": sent a request");
        }
        if (!(thrown instanceof InvalidInputException e)) {
          problems.add(c.entryPoint() + " " + c.input() + ": " + thrown);
          continue;
        }
        boolean named =
            e.violations().stream()
                .anyMatch(
                    v ->
                        c.parameters().stream().anyMatch(p -> v.parameter().startsWith(p))
                            && e.getMessage().contains(v.parameter()));
        if (!named) {
          problems.add(
              c.entryPoint()
                  + " "
                  + c.input()
                  + ": names "
                  + e.violations()
                  + ", expected one of "
                  + c.parameters());
        }
      }
    }
    assertThat(problems).as("inputs not rejected as promised").isEmpty();
    assertThat(FaultMatrix.settled(fake)).as("requests sent for bad input").isZero();
    long entryPoints = cases.stream().map(Case::entryPoint).distinct().count();
    assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
    ReliabilityDoc.check(
        "bad-input",
        String.format(
            "%,d malformed inputs across %,d public entry points (%,d operation methods of the"
                + " groups, found by reflection, and %,d factories and builder settings), each"
                + " rejected with InvalidInputException naming the parameter and no request sent."
                + "%n",
            cases.size(),
            entryPoints,
            cases.stream()
                .filter(c -> c.entryPoint().contains("()."))
                .map(Case::entryPoint)
                .distinct()
                .count(),
            cases.stream()
                .filter(c -> !c.entryPoint().contains("()."))
                .map(Case::entryPoint)
                .distinct()
                .count()));
  }

  /** Streams are lazy: a bad input may surface when they are consumed; consume them. */
  private static void consume(Object result) {
    if (result instanceof BaseStream<?, ?> s) {
      try (s) {
        s.iterator().forEachRemaining(x -> {});
      }
    }
  }

  static List<Case> corpus(SpaceScope client) throws ReflectiveOperationException {
    List<Case> cases = new ArrayList<>();
    operations(client, cases);
    valueTypes(cases);
    return cases;
  }

  /** For each operation, each argument in turn made bad while the others stay valid. */
  static void operations(SpaceScope client, List<Case> cases) throws ReflectiveOperationException {
    Method[] accessors = SpaceScope.class.getMethods();
    Arrays.sort(accessors, Comparator.comparing(Method::getName));
    for (Method accessor : accessors) {
      if (accessor.getParameterCount() != 0
          || !accessor.getReturnType().getSimpleName().endsWith("Operations")) {
        continue;
      }
      Object group = accessor.invoke(client);
      Method[] methods = accessor.getReturnType().getMethods();
      Arrays.sort(methods, Comparator.comparing(BadInputCorpusTest::signature));
      for (Method m : methods) {
        if (m.getDeclaringClass() != accessor.getReturnType()
            || Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
          for (Map.Entry<String, Object> bad : badValues(types[i]).entrySet()) {
            if (bad.getKey().equals("not published yet")
                && m.getName().startsWith("sectorsScheduleExpiration")) {
              continue; // keyed by a future day of expiry (D6): a future day is valid there
            }
            Object[] args = new Object[types.length];
            for (int j = 0; j < types.length; j++) {
              args[j] = j == i ? bad.getValue() : valid(types[j]);
            }
            cases.add(
                new Case(
                    accessor.getName() + "()." + signature(m),
                    bad.getKey(),
                    () -> invoke(m, group, args),
                    names(types[i])));
          }
        }
      }
    }
  }

  private static Object invoke(Method m, Object target, Object[] args) {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  static String signature(Method m) {
    StringBuilder sb = new StringBuilder(m.getName()).append('(');
    for (int i = 0; i < m.getParameterCount(); i++) {
      sb.append(i == 0 ? "" : ", ").append(m.getParameterTypes()[i].getSimpleName());
    }
    return sb.append(')').toString();
  }

  static Object valid(Class<?> type) {
    if (type == LocalDate.class) {
      return DAY;
    } else if (type == DateRange.class) {
      return DateRange.day(DAY);
    } else if (type == HourRange.class) {
      return HourRange.day(DAY);
    } else if (type == ProviderId.class) {
      return ProviderId.of("f01234");
    } else if (type == DealSearch.class) {
      return DealSearch.builder().dealId(1).build();
    }
    throw new IllegalStateException("no valid value for " + type);
  }

  static Set<String> names(Class<?> type) {
    if (type == LocalDate.class) {
      return Set.of("day");
    } else if (type == DateRange.class || type == HourRange.class) {
      return Set.of("range", "period");
    } else if (type == ProviderId.class) {
      return Set.of("minerId");
    } else if (type == DealSearch.class) {
      return Set.of("search");
    }
    throw new IllegalStateException("no name for " + type);
  }

  static Map<String, Object> badValues(Class<?> type) {
    Map<String, Object> bad = new java.util.LinkedHashMap<>();
    bad.put("null", null);
    if (type == LocalDate.class) {
      bad.put("before mainnet", LocalDate.of(2020, 8, 23));
      bad.put("not published yet", LocalDate.of(2025, 1, 5));
    } else if (type == DateRange.class) {
      bad.put("before mainnet", DateRange.of(LocalDate.of(2020, 8, 1), LocalDate.of(2020, 8, 10)));
      bad.put(
          "not published yet", DateRange.of(LocalDate.of(2024, 12, 30), LocalDate.of(2025, 1, 3)));
    } else if (type == HourRange.class) {
      bad.put(
          "before mainnet",
          HourRange.of(
              Instant.parse("2020-08-01T00:00:00Z"), Instant.parse("2020-08-01T03:00:00Z")));
      bad.put(
          "not published yet",
          HourRange.of(
              Instant.parse("2025-01-02T00:00:00Z"), Instant.parse("2025-01-02T03:00:00Z")));
    }
    return bad;
  }

  /** Factories and builders: text and numbers a caller could get wrong. */
  static void valueTypes(List<Case> cases) {
    for (String text :
        List.of(
            "",
            "2024-01-01",
            "2024-01-01..",
            "..2024-01-01",
            "2024-13-01..2024-12-31",
            "2024-02-30..2024-03-01",
            "2024-03-01..2024-02-01",
            "2024/01/01..2024/02/01",
            "yesterday..today",
            " 2024-01-01..2024-01-02")) {
      cases.add(
          new Case("DateRange.parse", quote(text), () -> DateRange.parse(text), Set.of("range")));
    }
    cases.add(new Case("DateRange.parse", "null", () -> DateRange.parse(null), Set.of("range")));
    cases.add(
        new Case(
            "DateRange.of",
            "end before start",
            () -> DateRange.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1)),
            Set.of("range")));
    cases.add(
        new Case("DateRange.of", "null start", () -> DateRange.of(null, DAY), Set.of("range")));
    cases.add(new Case("DateRange.of", "null end", () -> DateRange.of(DAY, null), Set.of("range")));
    cases.add(new Case("DateRange.day", "null", () -> DateRange.day(null), Set.of("day")));
    cases.add(
        new Case(
            "DateRange.month", "null", () -> DateRange.month((YearMonth) null), Set.of("month")));
    for (int n : new int[] {0, -1, Integer.MIN_VALUE}) {
      cases.add(
          new Case(
              "DateRange.lastDays",
              Integer.toString(n),
              () -> DateRange.lastDays(n, Loopback.CLOCK),
              Set.of("days")));
    }
    for (String text :
        List.of(
            "",
            "2022-07-01T00:00:00Z",
            "2022-07-01T00:30:00Z..2022-07-01T02:00:00Z",
            "2022-07-01T02:00:00Z..2022-07-01T01:00:00Z",
            "2022-07-01..2022-07-02",
            "2022-07-01T00:00:00..2022-07-01T01:00:00",
            "now..later")) {
      cases.add(
          new Case("HourRange.parse", quote(text), () -> HourRange.parse(text), Set.of("range")));
    }
    cases.add(
        new Case(
            "HourRange.of",
            "not on the hour",
            () ->
                HourRange.of(
                    Instant.parse("2022-07-01T00:00:01Z"), Instant.parse("2022-07-01T01:00:00Z")),
            Set.of("range")));
    cases.add(
        new Case(
            "HourRange.of",
            "null start",
            () -> HourRange.of(null, Instant.EPOCH),
            Set.of("range")));
    for (String id :
        Arrays.asList(
            null, "", "f0", "f01234x", "t01234", "F01234", "f1abc", "01234", " f01234", "f01234 ",
            "f0-1", "f0１２３")) {
      cases.add(new Case("ProviderId.of", quote(id), () -> ProviderId.of(id), Set.of("minerId")));
    }
    cases.add(
        new Case(
            "DealSearch.builder",
            "no filter",
            () -> DealSearch.builder().build(),
            Set.of("filters")));
    for (int size : new int[] {0, -1, DealSearch.MAX_PAGE_SIZE + 1}) {
      cases.add(
          new Case(
              "DealSearch.pageSize",
              Integer.toString(size),
              () -> DealSearch.builder().dealId(1).pageSize(size).build(),
              Set.of("pageSize")));
    }
    cases.add(
        new Case(
            "DealSearch.dealId",
            "-1",
            () -> DealSearch.builder().dealId(-1).build(),
            Set.of("dealId")));
    for (String cid : List.of("", "bafy", "Qm!!", "baga6ea4seaq" + " space")) {
      cases.add(
          new Case(
              "DealSearch.pieceCid",
              quote(cid),
              () -> DealSearch.builder().pieceCid(cid).build(),
              Set.of("pieceCid")));
    }
    for (String id : List.of("", "f0", "t01000", "f0x")) {
      cases.add(
          new Case(
              "DealSearch.clientId",
              quote(id),
              () -> DealSearch.builder().clientId(id).build(),
              Set.of("clientId")));
      cases.add(
          new Case(
              "DealSearch.providerId",
              quote(id),
              () -> DealSearch.builder().providerId(id).build(),
              Set.of("providerId")));
    }
    for (String address : List.of("", "f9abc", "x1abc", "f1 space")) {
      cases.add(
          new Case(
              "DealSearch.clientAddress",
              quote(address),
              () -> DealSearch.builder().clientAddress(address).build(),
              Set.of("clientAddress")));
      cases.add(
          new Case(
              "DealSearch.providerAddress",
              quote(address),
              () -> DealSearch.builder().providerAddress(address).build(),
              Set.of("providerAddress")));
    }
    retryPolicies(cases);
    builders(cases);
  }

  static void retryPolicies(List<Case> cases) {
    cases.add(
        new Case(
            "RetryPolicy.maxAttempts",
            "0",
            () -> RetryPolicy.builder().maxAttempts(0).build(),
            Set.of("retryPolicy.maxAttempts")));
    cases.add(
        new Case(
            "RetryPolicy.maxAttempts",
            "-5",
            () -> RetryPolicy.builder().maxAttempts(-5).build(),
            Set.of("retryPolicy.maxAttempts")));
    for (Duration d : Arrays.asList(null, Duration.ofMillis(-1))) {
      cases.add(
          new Case(
              "RetryPolicy.initialBackoff",
              String.valueOf(d),
              () -> RetryPolicy.builder().initialBackoff(d).build(),
              Set.of("retryPolicy.initialBackoff")));
      cases.add(
          new Case(
              "RetryPolicy.maxBackoff",
              String.valueOf(d),
              () -> RetryPolicy.builder().maxBackoff(d).build(),
              Set.of("retryPolicy.maxBackoff")));
      cases.add(
          new Case(
              "RetryPolicy.maxTotalTime",
              String.valueOf(d),
              () -> RetryPolicy.builder().maxTotalTime(d).build(),
              Set.of("retryPolicy.maxTotalTime")));
    }
    cases.add(
        new Case(
            "RetryPolicy.initialBackoff",
            "above maxBackoff",
            () ->
                RetryPolicy.builder()
                    .initialBackoff(Duration.ofSeconds(10))
                    .maxBackoff(Duration.ofSeconds(1))
                    .build(),
            Set.of("retryPolicy.initialBackoff")));
    for (double m : new double[] {0.5, 0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
      cases.add(
          new Case(
              "RetryPolicy.multiplier",
              Double.toString(m),
              () -> RetryPolicy.builder().multiplier(m).build(),
              Set.of("retryPolicy.multiplier")));
    }
    cases.add(
        new Case(
            "RetryPolicy.jitter",
            "null",
            () -> RetryPolicy.builder().jitter(null).build(),
            Set.of("retryPolicy.jitter")));
  }

  static void builders(List<Case> cases) {
    Supplier<SpaceScope.Builder> ok =
        () -> SpaceScope.builder().token("abc123").baseUrl("http://127.0.0.1:1");
    for (String token :
        Arrays.asList(
            "",
            "   ",
            "Bearer abc123",
            "bearer abc123",
            "abc 123",
            "abc\n123",
            "\"abc123\"",
            "abc123\t")) {
      cases.add(
          new Case(
              "SpaceScope.Builder.token",
              "(a malformed token)",
              () -> ok.get().token(token).build(),
              Set.of("token")));
    }
    for (String url :
        Arrays.asList(
            null,
            "",
            "api.spacescope.io",
            "ftp://api.spacescope.io",
            "https://",
            "https://api.spacescope.io?x=1",
            "https://api.spacescope.io#top",
            "https://user:pw@api.spacescope.io",
            "https://api spacescope.io",
            "/v2/power")) {
      cases.add(
          new Case(
              "SpaceScope.Builder.baseUrl",
              quote(url),
              () -> ok.get().baseUrl(url).build(),
              Set.of("baseUrl")));
    }
    for (Duration d :
        Arrays.asList(null, Duration.ZERO, Duration.ofMillis(-1), Duration.ofDays(2))) {
      if (d != null) {
        cases.add(
            new Case(
                "SpaceScope.Builder.connectTimeout",
                d.toString(),
                () -> ok.get().connectTimeout(d).build(),
                Set.of("connectTimeout")));
      }
      cases.add(
          new Case(
              "SpaceScope.Builder.readTimeout",
              String.valueOf(d),
              () -> ok.get().readTimeout(d).build(),
              Set.of("readTimeout")));
    }
    for (int n : new int[] {0, -1, 65, Integer.MAX_VALUE}) {
      cases.add(
          new Case(
              "SpaceScope.Builder.maxConcurrentRequests",
              Integer.toString(n),
              () -> ok.get().maxConcurrentRequests(n).build(),
              Set.of("maxConcurrentRequests")));
    }
    for (long n : new long[] {0, -1, Long.MIN_VALUE, Integer.MAX_VALUE + 1L}) {
      cases.add(
          new Case(
              "SpaceScope.Builder.maxResponseBytes",
              Long.toString(n),
              () -> ok.get().maxResponseBytes(n).build(),
              Set.of("maxResponseBytes")));
    }
    cases.add(
        new Case(
            "SpaceScope.Builder.retryPolicy",
            "null",
            () -> ok.get().retryPolicy(null).build(),
            Set.of("retryPolicy")));
    cases.add(
        new Case(
            "SpaceScope.Builder.clock",
            "null",
            () -> ok.get().clock(null).build(),
            Set.of("clock")));
    cases.add(
        new Case(
            "SpaceScope.Builder.logger",
            "null",
            () -> ok.get().logger(null).build(),
            Set.of("logger")));
    cases.add(
        new Case(
            "SpaceScope.Builder.httpClient",
            "follows redirects",
            () ->
                ok.get()
                    .httpClient(
                        java.net.http.HttpClient.newBuilder()
                            .followRedirects(java.net.http.HttpClient.Redirect.NORMAL)
                            .build())
                    .build(),
            Set.of("httpClient")));
  }

  private static String quote(String s) {
    return s == null ? "null" : "\"" + s.replace("\n", "\\n").replace("\t", "\\t") + "\"";
  }
}
