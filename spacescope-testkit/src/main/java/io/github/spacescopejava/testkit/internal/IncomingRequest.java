package io.github.spacescopejava.testkit.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The parts of an HTTP request the fake looks at.
 *
 * @param method the HTTP method, upper case
 * @param path the decoded path
 * @param query decoded query parameters in the order sent
 * @param authorization the {@code authorization} header, or null
 * @param accept the {@code accept} header, or null
 */
record IncomingRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    @Nullable String authorization,
    @Nullable String accept) {

  public IncomingRequest {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    query.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    query = Collections.unmodifiableMap(copy);
  }

  /** Splits a request target such as {@code /v2/x?start_date=2022-07-01&end_date=...}. */
  public static IncomingRequest of(
      String method, String target, @Nullable String authorization, @Nullable String accept) {
    int q = target.indexOf('?');
    String path = decode(q < 0 ? target : target.substring(0, q));
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (q >= 0 && q < target.length() - 1) {
      for (String pair : target.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    return new IncomingRequest(method, path, query, authorization, accept);
  }

  /** The first value of a parameter, or null. */
  public @Nullable String first(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Method, path and the query sorted by name: the identity of a request for its seed. */
  String canonical() {
    return method + " " + path + " " + new TreeMap<>(query);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a malformed escape is the validator's business, not a crash
    }
  }
}
