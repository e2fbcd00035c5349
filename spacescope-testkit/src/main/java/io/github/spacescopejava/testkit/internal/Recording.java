package io.github.spacescopejava.testkit.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One recorded exchange with the real API (decision D27): the request without any header, and the
 * answer's status, the headers a client acts on ({@code Content-Type}, {@code Retry-After}) and the
 * body, byte for byte. Stored as one JSON file per request, named after the method, the path and a
 * hash of the sorted query, so that a repeated request replaces its file and a directory of
 * recordings diffs well in version control.
 *
 * @param method the HTTP method
 * @param path the path
 * @param query the query parameters, sorted by name
 * @param status the HTTP status of the answer
 * @param headers the answer's {@code Content-Type} and {@code Retry-After}, where present
 * @param body the answer's body as text (UTF-8)
 */
record Recording(
    String method,
    String path,
    Map<String, List<String>> query,
    int status,
    Map<String, String> headers,
    String body) {
  /** The answer headers kept: what a client acts on. Others (cookies, dates, ids) are dropped. */
  static final List<String> KEPT_HEADERS = List.of("Content-Type", "Retry-After");

  static final String REDACTED = "<redacted>";
  private static final ObjectMapper JSON = new ObjectMapper();

  public Recording {
    Map<String, List<String>> sorted = new TreeMap<>();
    query.forEach((k, v) -> sorted.put(k, List.copyOf(v)));
    query = java.util.Collections.unmodifiableMap(sorted);
    headers = java.util.Collections.unmodifiableMap(new TreeMap<>(headers));
  }

  /** The answer's content type, or null. */
  @Nullable String contentType() {
    return headers.get("Content-Type");
  }

  /** The identity of a request: what replay matches on. */
  static String key(String method, String path, Map<String, List<String>> query) {
    return method + " " + path + " " + new TreeMap<>(query);
  }

  String key() {
    return key(method, path, query);
  }

  /** {@code GET_v2_power_network_storage_capacity_1a2b3c4d.json} */
  String fileName() {
    String p = path.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
    String hash =
        HexFormat.of().toHexDigits(Seeds.of(new TreeMap<>(query).toString())).substring(8);
    return method + "_" + p + "_" + hash + ".json";
  }

  /** The same exchange with every occurrence of {@code secret} replaced by {@code <redacted>}. */
  Recording without(@Nullable String secret) {
    if (secret == null || secret.isEmpty()) {
      return this;
    }
    Map<String, List<String>> q = new LinkedHashMap<>();
    query.forEach(
        (k, v) ->
            q.put(
                k.replace(secret, REDACTED),
                v.stream().map(s -> s.replace(secret, REDACTED)).toList()));
    return new Recording(
        method,
        path.replace(secret, REDACTED),
        q,
        status,
        redactedHeaders(secret),
        body.replace(secret, REDACTED));
  }

  private Map<String, String> redactedHeaders(String secret) {
    Map<String, String> h = new LinkedHashMap<>();
    headers.forEach((k, v) -> h.put(k, v.replace(secret, REDACTED)));
    return h;
  }

  /** Writes the exchange into {@code directory}, replacing an earlier recording of the request. */
  Path writeTo(Path directory) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode request = root.putObject("request");
    request.put("method", method);
    request.put("path", path);
    ObjectNode q = request.putObject("query");
    query.forEach((k, v) -> v.forEach(q.withArray(k)::add));
    ObjectNode response = root.putObject("response");
    response.put("status", status);
    ObjectNode h = response.putObject("headers");
    headers.forEach(h::put);
    response.put("body", body);
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
        g.useDefaultPrettyPrinter();
        JSON.writeTree(g, root);
      }
      out.write('\n');
      Files.createDirectories(directory);
      Path file = directory.resolve(fileName());
      Path partial = directory.resolve(fileName() + ".partial");
      Files.write(partial, out.toByteArray());
      Files.move(
          partial,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a recording into " + directory, e);
    }
  }

  /** Reads every {@code *.json} recording of a directory (not its subdirectories), by key. */
  public static Map<String, Recording> readAll(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("no directory of recordings at " + directory);
    }
    Map<String, Recording> all = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        Recording r = read(file);
        all.put(r.key(), r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the recordings in " + directory, e);
    }
    return all;
  }

  static Recording read(Path file) {
    try {
      JsonNode root = JSON.readTree(file.toFile());
      JsonNode request = root.path("request");
      JsonNode response = root.path("response");
      Map<String, List<String>> query = new LinkedHashMap<>();
      request
          .path("query")
          .properties()
          .forEach(
              e -> {
                List<String> values = new ArrayList<>();
                e.getValue().forEach(v -> values.add(v.asText()));
                query.put(e.getKey(), values);
              });
      if (!request.path("method").isTextual()
          || !request.path("path").isTextual()
          || !response.path("status").isInt()
          || !response.path("body").isTextual()) {
        throw new IllegalArgumentException(
            file
                + " is not a recording: it needs request.method, request.path, response.status"
                + " and response.body");
      }
      Map<String, String> headers = new LinkedHashMap<>();
      response
          .path("headers")
          .properties()
          .forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
      return new Recording(
          request.get("method").asText(),
          request.get("path").asText(),
          query,
          response.get("status").asInt(),
          headers,
          response.get("body").asText());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          file + " is not a readable recording: " + e.getMessage(), e);
    }
  }

  byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
