package io.github.spacescopejava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import feign.Client;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import io.github.spacescopejava.generated.GeneratedClients;
import io.github.spacescopejava.generated.SpaceScopeJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link DirectCalls} sends what Feign sends for every generated operation (decision D43): the same
 * method, URL and headers, for every argument present or absent; it routes answers as Feign does;
 * and it refuses, when the interface is first used, what it does not implement.
 */
class DirectCallsTest {
  private static final String BASE = "http://127.0.0.1:8/base";
  private static final String TOKEN = "direct-calls-test-token-0123456789";
  private static final Request.Options OPTIONS =
      new Request.Options(1, TimeUnit.SECONDS, 1, TimeUnit.SECONDS, false);

  /** Thrown by the recording client once it has the request: no answer is needed. */
  static final class Stop extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  /** A client that records the request it is given and stops the call. */
  static final class Recording implements Client {
    final List<Request> requests = new ArrayList<>();

    @Override
    public Response execute(Request request, Request.Options options) {
      requests.add(request);
      throw new Stop();
    }

    Request only() {
      assertThat(requests).hasSize(1);
      return requests.get(0);
    }
  }

  /** The request Feign (as {@code GeneratedClients} configures it) sends for this call. */
  static Request viaFeign(Class<?> api, Method m, Object[] args) {
    Recording client = new Recording();
    Object proxy =
        GeneratedClients.builder(TOKEN, client, SpaceScopeJson.newObjectMapper()).target(api, BASE);
    call(proxy, m, args);
    return client.only();
  }

  /** The request {@link DirectCalls} sends for this call. */
  static Request direct(Class<?> api, Method m, Object[] args) {
    Recording client = new Recording();
    Object proxy = directProxy(api, client, null, null);
    call(proxy, m, args);
    return client.only();
  }

  static Object directProxy(
      Class<?> api, Client client, Decoder decoder, ErrorDecoder errorDecoder) {
    return DirectCalls.create(
        api,
        BASE,
        Map.of("authorization", "Bearer " + TOKEN),
        client,
        OPTIONS,
        decoder,
        errorDecoder);
  }

  private static void call(Object proxy, Method m, Object[] args) {
    try {
      m.invoke(proxy, args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      assertThat(e.getCause()).isInstanceOf(Stop.class);
      return;
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the call did not reach the client");
  }

  // ---- every generated operation --------------------------------------------------------------

  record Operation(Class<?> api, Method method) {
    @Override
    public String toString() {
      return api.getSimpleName() + "." + method.getName();
    }
  }

  static Stream<Operation> operations() {
    List<Operation> ops = new ArrayList<>();
    for (String tag : tags()) {
      Class<?> api;
      try {
        api = Class.forName("io.github.spacescopejava.generated.api." + tag + "Api");
      } catch (ClassNotFoundException e) {
        throw new AssertionError("no generated interface for tag " + tag, e);
      }
      Arrays.stream(api.getMethods())
          .filter(m -> m.isAnnotationPresent(RequestLine.class))
          .sorted(java.util.Comparator.comparing(Method::getName))
          .forEach(m -> ops.add(new Operation(api, m)));
    }
    return ops.stream();
  }

  private static TreeSet<String> tags() {
    try (InputStream in =
        DirectCallsTest.class.getResourceAsStream(
            "/io/github/spacescopejava/spec/spacescope.yaml")) {
      JsonNode spec = new ObjectMapper(new YAMLFactory()).readTree(in);
      TreeSet<String> tags = new TreeSet<>();
      spec.get("paths").forEach(path -> tags.add(path.get("get").get("tags").get(0).asText()));
      return tags;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyOperationOfTheSpecIsCovered() {
    assertThat(operations()).hasSize(78);
  }

  /** A typical value of each parameter type the templates generate. */
  private static Object typical(Class<?> type, int index) {
    if (type == LocalDate.class) {
      return LocalDate.of(2024, 1, 2).plusDays(index);
    }
    if (type == String.class) {
      return "f0123" + index;
    }
    if (type == Integer.class) {
      return 3 + index;
    }
    if (type == Long.class) {
      return 5_000_000_000L + index;
    }
    throw new AssertionError("a parameter type the test does not know: " + type);
  }

  /** Every argument present, every argument absent, and each one absent alone. */
  static Stream<Arguments> calls() {
    return operations()
        .flatMap(
            op -> {
              Class<?>[] types = op.method().getParameterTypes();
              Object[] all = new Object[types.length];
              for (int i = 0; i < types.length; i++) {
                all[i] = typical(types[i], i);
              }
              List<Arguments> out = new ArrayList<>();
              out.add(Arguments.of(op, "all present", all));
              out.add(Arguments.of(op, "all absent", new Object[types.length]));
              for (int i = 0; i < types.length && types.length > 1; i++) {
                Object[] one = all.clone();
                one[i] = null;
                out.add(Arguments.of(op, "argument " + i + " absent", one));
              }
              return out.stream();
            });
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("calls")
  void sendsWhatFeignSends(Operation op, String label, Object[] args) {
    Request feign = viaFeign(op.api(), op.method(), args);
    Request direct = direct(op.api(), op.method(), args);

    assertThat(direct.httpMethod()).isEqualTo(feign.httpMethod()).isEqualTo(Request.HttpMethod.GET);
    assertThat(direct.url()).isEqualTo(feign.url()).startsWith(BASE + "/");
    assertThat(headers(direct)).isEqualTo(headers(feign)).containsKey("authorization");
    assertThat(direct.body()).isNull();
  }

  private static Map<String, List<String>> headers(Request r) {
    Map<String, List<String>> out = new TreeMap<>();
    r.headers().forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    return out;
  }

  // ---- query values that need encoding ----------------------------------------------------------

  interface Search {
    @RequestLine("GET /v2/search?q={q}&page={page}&kind=full")
    @Headers("Accept: application/json")
    String search(@Param("q") String q, @Param("page") Integer page);
  }

  static Stream<String> awkwardValues() {
    return Stream.of(
        "a b", "a+b", "a/b", "a&b=c", "a?b#c", "50%", "%zz", "{x}", "ü€", "~._-", "a;b,c:d@e");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("awkwardValues")
  void anyValueArrivesAsWrittenAndMeansWhatFeignsDoes(String value) throws Exception {
    Method m = Search.class.getMethod("search", String.class, Integer.class);
    Request direct = direct(Search.class, m, new Object[] {value, 2});
    Request feign = viaFeign(Search.class, m, new Object[] {value, 2});

    Map<String, String> sent = query(direct.url());
    assertThat(sent)
        .containsExactly(Map.entry("q", value), Map.entry("page", "2"), Map.entry("kind", "full"));
    assertThat(query(feign.url())).isEqualTo(sent);
    // Nothing outside RFC 3986's unreserved characters and percent-escapes is left raw.
    assertThat(direct.url().substring(direct.url().indexOf('?') + 1))
        .matches("[A-Za-z0-9._~%=&-]*");
  }

  @Test
  void anEscapedSlashStaysEscapedWhereFeignWouldDecodeIt() throws Exception {
    Method m = Search.class.getMethod("search", String.class, Integer.class);
    Object[] args = {"a%2Fb", 1};

    assertThat(query(direct(Search.class, m, args).url())).containsEntry("q", "a%2Fb");
    // Feign turns the value into "a/b": another value. Recorded here so that a Feign upgrade that
    // changes it is noticed.
    assertThat(query(viaFeign(Search.class, m, args).url())).containsEntry("q", "a/b");
  }

  @Test
  void anEmptyValueIsSentWithItsEqualsSign() throws Exception {
    Method m = Search.class.getMethod("search", String.class, Integer.class);

    assertThat(direct(Search.class, m, new Object[] {"", null}).url())
        .isEqualTo(BASE + "/v2/search?q=&kind=full");
  }

  /** The query's parameters, percent-decoded as UTF-8 ('+' is a plus). */
  private static Map<String, String> query(String url) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          decode(eq < 0 ? pair : pair.substring(0, eq)),
          eq < 0 ? "" : decode(pair.substring(eq + 1)));
    }
    return out;
  }

  private static String decode(String s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%') {
        bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "abcXYZ019-._~|abcXYZ019-._~",
        "a b|a%20b",
        "a+b|a%2Bb",
        "ü|%C3%BC",
        "/?#[]@|%2F%3F%23%5B%5D%40",
        "!$&'()*,;=|%21%24%26%27%28%29%2A%2C%3B%3D",
        "%|%25",
        "|"
      })
  void encodesAllButUnreservedCharacters(String row) {
    String[] io = row.split("\\|", -1);
    assertThat(DirectCalls.encode(io[0])).isEqualTo(io[1]);
  }

  // ---- answers ----------------------------------------------------------------------------------

  private static Response answer(Request request, int status) {
    return Response.builder()
        .status(status)
        .reason("")
        .headers(Map.of())
        .body("{}", StandardCharsets.UTF_8)
        .request(request)
        .build();
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {200, 201, 204, 299})
  void aSuccessStatusGoesToTheDecoderWithTheMethodsReturnType(int status) throws Exception {
    List<Type> decodedAs = new ArrayList<>();
    Search api =
        (Search)
            directProxy(
                Search.class,
                (request, options) -> answer(request, status),
                (response, type) -> {
                  decodedAs.add(type);
                  return "decoded " + response.status();
                },
                (key, response) -> {
                  throw new AssertionError("the error decoder was called");
                });

    assertThat(api.search("x", 1)).isEqualTo("decoded " + status);
    assertThat(decodedAs).containsExactly(String.class);
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {100, 302, 400, 404, 429, 500, 503})
  void anyOtherStatusThrowsWhatTheErrorDecoderMakes(int status) {
    List<String> keys = new ArrayList<>();
    Search api =
        (Search)
            directProxy(
                Search.class,
                (request, options) -> answer(request, status),
                (response, type) -> {
                  throw new AssertionError("the decoder was called");
                },
                (key, response) -> {
                  keys.add(key);
                  return new IllegalStateException("status " + response.status());
                });

    assertThatThrownBy(() -> api.search("x", 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("status " + status);
    assertThat(keys).containsExactly("Search#search(String,Integer)");
  }

  @Test
  void aFailedExchangeSurfacesWithItsIoExceptionAsCause() {
    IOException reset = new IOException("connection reset");
    Search api =
        (Search)
            directProxy(
                Search.class,
                (request, options) -> {
                  throw reset;
                },
                null,
                null);

    assertThatThrownBy(() -> api.search("x", 1))
        .isInstanceOf(UncheckedIOException.class)
        .hasCause(reset);
  }

  @Test
  void objectMethodsWorkAndNeverShowTheToken() {
    Object a = directProxy(Search.class, new Recording(), null, null);
    Object b = directProxy(Search.class, new Recording(), null, null);

    assertThat(a).isEqualTo(a).isNotEqualTo(b).hasSameHashCodeAs(a);
    assertThat(a.toString()).isEqualTo("Search(" + BASE + ")").doesNotContain(TOKEN);
  }

  @Test
  void aPlansTextNamesTheRequestButNotTheToken() {
    var md = new feign.Contract.Default().parseAndValidateMetadata(Search.class).get(0);
    var plan = DirectCalls.Plan.of(md, BASE, Map.of("authorization", "Bearer " + TOKEN));

    assertThat(plan.toString()).contains("/v2/search").doesNotContain(TOKEN);
    assertThat(plan.headers().get("AUTHORIZATION")).containsExactly("Bearer " + TOKEN);
  }

  // ---- what is refused ------------------------------------------------------------------------

  interface Posts {
    @RequestLine("POST /v2/x")
    String post(String body);
  }

  interface PathExpression {
    @RequestLine("GET /v2/{id}")
    String get(@Param("id") String id);
  }

  interface QueryMapped {
    @RequestLine("GET /v2/x")
    String get(@QueryMap Map<String, Object> query);
  }

  interface HeaderExpression {
    @RequestLine("GET /v2/x")
    @Headers("X-Id: {id}")
    String get(@Param("id") String id);
  }

  interface MixedQuery {
    @RequestLine("GET /v2/x?q=pre{id}")
    String get(@Param("id") String id);
  }

  interface ExpandedParam {
    @RequestLine("GET /v2/x?q={id}")
    String get(@Param(value = "id", expander = Upper.class) String id);
  }

  /** An expander: Feign would send its text, which {@link DirectCalls} does not implement. */
  public static final class Upper implements Param.Expander {
    @Override
    public String expand(Object value) {
      return String.valueOf(value).toUpperCase(Locale.ROOT);
    }
  }

  static Stream<Arguments> unsupported() {
    return Stream.of(
        Arguments.of(Posts.class, "method POST"),
        Arguments.of(PathExpression.class, "a path with expressions"),
        Arguments.of(QueryMapped.class, "query map"),
        Arguments.of(HeaderExpression.class, "a header with expressions"),
        Arguments.of(MixedQuery.class, "mixing literal and expression"),
        Arguments.of(ExpandedParam.class, "expander"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupported")
  void whatItDoesNotImplementIsRefusedWhenTheInterfaceIsFirstUsed(Class<?> api, String what) {
    assertThatThrownBy(() -> directProxy(api, new Recording(), null, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(api.getSimpleName() + "#")
        .hasMessageContaining(what)
        .hasMessageContaining("D43");
  }

  @Test
  void headersOfThePlanAreTheInterfacesAndTheExtraOnes() {
    var md = new feign.Contract.Default().parseAndValidateMetadata(Search.class).get(0);
    Map<String, Collection<String>> headers =
        DirectCalls.Plan.of(md, BASE, Map.of("authorization", "Bearer t")).headers();

    assertThat(headers).containsOnlyKeys("Accept", "authorization");
    assertThat(headers.get("accept")).containsExactly("application/json");
  }
}
