package io.github.spacescopejava.client.internal;

import feign.Client;
import feign.Contract;
import feign.MethodMetadata;
import feign.Request;
import feign.Response;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The generated Feign interfaces (such as {@code PowerApi}), executed without Feign's per-call
 * request template (decision D43). Feign's own {@link Contract} reads each interface's annotations
 * once; every call then appends its arguments to a URL prefix computed at that moment, sends the
 * request through the {@link Client} and hands the answer to the {@link Decoder} (2xx) or the
 * {@link ErrorDecoder} (anything else), as Feign's method handler does.
 *
 * <p>It supports what the templates generate: GET, a literal path, query parameters whose value is
 * one {@code {name}} expression or a literal, literal headers. Anything else is refused when the
 * interface is first used, so a template that starts generating more fails the build's tests
 * instead of sending something Feign would have sent differently.
 *
 * <p>Query values are written as the string of the argument, percent-encoded byte by byte except
 * RFC 3986's unreserved characters; a null argument leaves its parameter out, as Feign does.
 */
final class DirectCalls implements InvocationHandler {
  private final Class<?> type;
  private final String baseUrl;
  private final Map<Method, Plan> plans;
  private final Client client;
  private final Request.Options options;
  private final Decoder decoder;
  private final ErrorDecoder errors;

  private DirectCalls(
      Class<?> type,
      String baseUrl,
      Map<Method, Plan> plans,
      Client client,
      Request.Options options,
      Decoder decoder,
      ErrorDecoder errors) {
    this.type = type;
    this.baseUrl = baseUrl;
    this.plans = plans;
    this.client = client;
    this.options = options;
    this.decoder = decoder;
    this.errors = errors;
  }

  /**
   * An implementation of {@code type} that sends its requests to {@code baseUrl} with {@code
   * headers} (besides the interface's own) through {@code client}.
   */
  static <T> T create(
      Class<T> type,
      String baseUrl,
      Map<String, String> headers,
      Client client,
      Request.Options options,
      Decoder decoder,
      ErrorDecoder errors) {
    Map<Method, Plan> plans = new HashMap<>();
    for (MethodMetadata md : new Contract.Default().parseAndValidateMetadata(type)) {
      plans.put(md.method(), Plan.of(md, baseUrl, headers));
    }
    DirectCalls handler =
        new DirectCalls(type, baseUrl, Map.copyOf(plans), client, options, decoder, errors);
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  @Override
  public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args)
      throws Exception {
    Plan plan = plans.get(method);
    if (plan == null) {
      return objectMethod(proxy, method, args);
    }
    Request request =
        Request.create(
            Request.HttpMethod.GET,
            plan.url(args),
            plan.headers(),
            (byte[]) null,
            StandardCharsets.UTF_8,
            null);
    Response response;
    try {
      response = client.execute(request, options);
    } catch (IOException e) {
      // As Feign's RetryableException: the cause says the exchange failed.
      throw new UncheckedIOException(e);
    }
    int status = response.status();
    if (status >= 200 && status < 300) {
      return decoder.decode(response, plan.returnType());
    }
    throw errors.decode(plan.configKey(), response);
  }

  private Object objectMethod(Object proxy, Method method, Object @Nullable [] args) {
    return switch (method.getName()) {
      case "equals" -> args != null && args.length == 1 && proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      // The base URL only: the headers carry the token.
      case "toString" -> type.getSimpleName() + "(" + baseUrl + ")";
      default -> throw new UnsupportedOperationException(method.toString());
    };
  }

  /**
   * One method's request: the URL up to its query, the query's parts in the template's order, and
   * the headers.
   */
  record Plan(
      String configKey,
      Type returnType,
      String prefix,
      List<Part> parts,
      Map<String, Collection<String>> headers) {

    /** A query parameter: its encoded name, and either an argument's index or a literal. */
    record Part(String name, int index, @Nullable String literal) {}

    static Plan of(MethodMetadata md, String baseUrl, Map<String, String> extraHeaders) {
      var template = md.template();
      String key = md.configKey();
      if (!"GET".equals(template.method())) {
        throw unsupported(key, "method " + template.method());
      }
      if (md.bodyIndex() != null
          || md.urlIndex() != null
          || md.headerMapIndex() != null
          || md.queryMapIndex() != null
          || !md.formParams().isEmpty()
          || !md.indexToExpanderClass().isEmpty()
          || !md.indexToEncoded().values().stream().allMatch(Boolean.FALSE::equals)) {
        throw unsupported(key, "a body, URI, header map, query map, form or expander parameter");
      }
      String path = template.path();
      if (path.contains("{")) {
        throw unsupported(key, "a path with expressions: " + path);
      }
      Map<String, Integer> indexOf = new HashMap<>();
      md.indexToName()
          .forEach(
              (index, names) -> {
                for (String name : names) {
                  indexOf.put(name, index);
                }
              });
      List<Part> parts = new ArrayList<>();
      template
          .queries()
          .forEach(
              (name, values) -> {
                for (String value : values) {
                  parts.add(part(key, encode(name), value, indexOf));
                }
              });
      Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      template
          .headers()
          .forEach(
              (name, values) -> {
                for (String value : values) {
                  if (value.contains("{")) {
                    throw unsupported(key, "a header with expressions: " + name);
                  }
                }
                headers.put(name, List.copyOf(values));
              });
      extraHeaders.forEach((name, value) -> headers.put(name, List.of(value)));
      return new Plan(
          key,
          md.returnType(),
          baseUrl + path,
          List.copyOf(parts),
          java.util.Collections.unmodifiableMap(headers));
    }

    private static Part part(String key, String name, String value, Map<String, Integer> indexOf) {
      if (value.startsWith("{") && value.endsWith("}") && value.indexOf('{', 1) < 0) {
        Integer index = indexOf.get(value.substring(1, value.length() - 1));
        if (index == null) {
          throw unsupported(key, "a query expression without its @Param: " + value);
        }
        return new Part(name, index, null);
      }
      if (value.contains("{") || value.contains("}")) {
        throw unsupported(key, "a query value mixing literal and expression: " + value);
      }
      return new Part(name, -1, encode(value));
    }

    /** The URL for these arguments: parts with a null argument are left out. */
    String url(Object @Nullable [] args) {
      StringBuilder url = new StringBuilder(prefix.length() + 16 * parts.size()).append(prefix);
      char sep = '?';
      for (Part p : parts) {
        String value;
        if (p.literal() != null) {
          value = p.literal();
        } else {
          Object arg = args == null ? null : args[p.index()];
          if (arg == null) {
            continue;
          }
          value = encode(String.valueOf(arg));
        }
        url.append(sep).append(p.name()).append('=').append(value);
        sep = '&';
      }
      return url.toString();
    }

    @Override
    public String toString() {
      // Not the headers: they carry the token.
      return "Plan[" + configKey + " GET " + prefix + " " + parts + "]";
    }

    private static IllegalStateException unsupported(String key, String what) {
      return new IllegalStateException(
          key + ": the ergonomic client does not send " + what + " (see decision D43)");
    }
  }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Percent-encodes all but RFC 3986's unreserved characters, as UTF-8. */
  static String encode(String value) {
    int i = 0;
    while (i < value.length() && unreserved(value.charAt(i))) {
      i++;
    }
    if (i == value.length()) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, i);
    for (byte b : value.substring(i).getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (unreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }

  /** Whether {@code c} is one of RFC 3986's unreserved characters. */
  static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }
}
