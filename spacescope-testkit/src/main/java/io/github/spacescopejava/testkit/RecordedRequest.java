package io.github.spacescopejava.testkit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * A request the fake received and what it answered. Headers are not kept: the authorization header
 * carries a secret.
 *
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the query parameters, decoded, in the order sent
 * @param operationId the spec operation the path belongs to, or null for a path (or method) that is
 *     not in the spec
 * @param status the HTTP status answered (0 when the connection was reset)
 * @param code the envelope {@code code} answered, or null when the body was not an envelope
 * @param violations why the request does not match the spec, in the validator's words; empty when
 *     it matches
 */
public record RecordedRequest(
    String method,
    String path,
    Map<String, List<String>> query,
    @Nullable String operationId,
    int status,
    @Nullable Integer code,
    List<String> violations) {

  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Map<String, List<String>> copy = new LinkedHashMap<>();
    query.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    query = Collections.unmodifiableMap(copy);
    violations = List.copyOf(violations);
  }

  /** True when the path and method belong to an operation of the spec. */
  public boolean matched() {
    return operationId != null;
  }

  /** True when the request matches the spec in every respect the validator checks. */
  public boolean valid() {
    return violations.isEmpty();
  }

  /** The first value of a query parameter, or null. */
  public @Nullable String queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** {@code GET /path?a=1&b=2}, never a header. */
  public String requestLine() {
    StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
    query.forEach((k, vs) -> vs.forEach(v -> q.add(k + "=" + v)));
    return method + " " + path + q;
  }

  @Override
  public String toString() {
    return requestLine()
        + " -> "
        + status
        + (code == null ? "" : " code " + code)
        + (violations.isEmpty() ? "" : " " + violations);
  }
}
