package io.github.spacescopejava.testkit.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The standalone fake's recording mode (decision D27): a proxy that forwards each request to a
 * target (the real API by default) with the caller's authorization header, returns the answer
 * unchanged, stores it as a {@link Recording} with the token removed from everything stored, and
 * prints how the answer differs from the spec ({@link AnswerCheck}).
 */
public final class RecordingProxy implements AutoCloseable {
  /** Where recordings come from unless told otherwise. */
  public static final URI DEFAULT_TARGET = URI.create("https://api.spacescope.io");

  private static final Pattern BEARER = Pattern.compile("(?i:Bearer)\\s+(\\S+)");

  private final HttpServer server;
  private final ExecutorService workers;
  private final HttpClient client;
  private final URI target;
  private final Path directory;
  private final ApiSpec spec;
  private final PrintStream out;
  private final AtomicInteger recorded = new AtomicInteger();
  private final Set<String> findings = Collections.synchronizedSet(new LinkedHashSet<>());
  private final List<String> alsoRedact;

  private RecordingProxy(
      HttpServer server,
      URI target,
      Path directory,
      ApiSpec spec,
      PrintStream out,
      List<String> alsoRedact) {
    this.server = server;
    this.alsoRedact = List.copyOf(alsoRedact);
    this.target = target;
    this.directory = directory;
    this.spec = spec;
    this.out = out;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.workers =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "spacescope-recorder");
              t.setDaemon(true);
              return t;
            });
    server.createContext("/", this::handle);
    server.setExecutor(workers);
  }

  /**
   * Starts a recording proxy on {@code host:port} (0 for any free port).
   *
   * @param alsoRedact secrets removed from what is stored besides the token of each request's
   *     authorization header (a token that a client might send elsewhere, such as in the query)
   */
  public static RecordingProxy start(
      String host,
      int port,
      URI target,
      Path directory,
      ApiSpec spec,
      PrintStream out,
      List<String> alsoRedact)
      throws IOException {
    String scheme = target.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || target.getHost() == null) {
      throw new IllegalArgumentException(
          "the target must be an http(s) base URL such as https://api.spacescope.io, not "
              + target);
    }
    HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
    RecordingProxy proxy = new RecordingProxy(server, target, directory, spec, out, alsoRedact);
    server.start();
    return proxy;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Answers recorded so far. */
  public int recorded() {
    return recorded.get();
  }

  /** Every distinct difference from the spec seen so far, in order. */
  public List<String> findings() {
    synchronized (findings) {
      return List.copyOf(new ArrayList<>(findings));
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      String rawTarget = exchange.getRequestURI().getRawPath();
      if (exchange.getRequestURI().getRawQuery() != null) {
        rawTarget += "?" + exchange.getRequestURI().getRawQuery();
      }
      String authorization = exchange.getRequestHeaders().getFirst("authorization");
      String secret = secret(authorization);
      try (InputStream ignored = exchange.getRequestBody()) {
        ignored.readAllBytes(); // GET has no body; drain whatever came
      }
      HttpResponse<byte[]> answer;
      try {
        answer = forward(method, rawTarget, authorization, exchange);
      } catch (IOException | IllegalArgumentException e) {
        String reason = redact(String.valueOf(e.getMessage()), secret);
        out.println("recorder: " + method + " " + redact(rawTarget, secret) + " failed: " + reason);
        send(
            exchange,
            502,
            "text/plain; charset=utf-8",
            ("recorder: " + reason + "\n").getBytes(StandardCharsets.UTF_8));
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        send(exchange, 503, "text/plain; charset=utf-8", new byte[0]);
        return;
      }
      String contentType = answer.headers().firstValue("content-type").orElse(null);
      java.util.Map<String, String> kept = new java.util.LinkedHashMap<>();
      for (String name : Recording.KEPT_HEADERS) {
        answer.headers().firstValue(name).ifPresent(v -> kept.put(name, v));
      }
      IncomingRequest request = IncomingRequest.of(method, rawTarget, null, null);
      Recording recording =
          new Recording(
                  method,
                  request.path(),
                  request.query(),
                  answer.statusCode(),
                  kept,
                  new String(answer.body(), StandardCharsets.UTF_8))
              .without(secret);
      for (String other : alsoRedact) {
        recording = recording.without(other);
      }
      Path file = recording.writeTo(directory);
      recorded.incrementAndGet();
      report(recording, file);
      answer
          .headers()
          .firstValue("retry-after")
          .ifPresent(v -> exchange.getResponseHeaders().set("Retry-After", v));
      send(exchange, answer.statusCode(), contentType, answer.body());
    } finally {
      exchange.close();
    }
  }

  private HttpResponse<byte[]> forward(
      String method, String rawTarget, @Nullable String authorization, HttpExchange exchange)
      throws IOException, InterruptedException {
    String base = target.toString().replaceAll("/+$", "");
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + rawTarget))
            .timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("user-agent", "spacescope-testkit-recorder");
    if (authorization != null) {
      b.header("authorization", authorization);
    }
    String accept = exchange.getRequestHeaders().getFirst("accept");
    if (accept != null) {
      b.header("accept", accept);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private void report(Recording recording, Path file) {
    List<String> found = AnswerCheck.check(spec, recording);
    StringBuilder line =
        new StringBuilder("recorded ")
            .append(recording.method())
            .append(' ')
            .append(recording.path())
            .append(recording.query().isEmpty() ? "" : " " + recording.query())
            .append(" -> HTTP ")
            .append(recording.status())
            .append(", ")
            .append(file.getFileName());
    List<String> fresh = new ArrayList<>();
    for (String f : found) {
      if (findings.add(f)) {
        fresh.add(f);
      }
    }
    synchronized (out) {
      out.println(line);
      for (String f : fresh) {
        out.println("  spec drift: " + f);
      }
    }
  }

  private static void send(
      HttpExchange exchange, int status, @Nullable String contentType, byte[] body)
      throws IOException {
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream os = exchange.getResponseBody()) {
        os.write(body);
      }
    }
  }

  /** The token in an authorization header: what must never be stored. */
  static @Nullable String secret(@Nullable String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return null;
    }
    Matcher m = BEARER.matcher(authorization.strip());
    return m.matches() ? m.group(1) : authorization.strip();
  }

  private static String redact(String text, @Nullable String secret) {
    return secret == null || secret.isEmpty() ? text : text.replace(secret, Recording.REDACTED);
  }

  /** Stops the proxy and prints what was recorded. */
  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
    out.printf(
        "recorder: %d answers recorded in %s; %d differences from the spec%n",
        recorded.get(), directory, findings.size());
  }
}
