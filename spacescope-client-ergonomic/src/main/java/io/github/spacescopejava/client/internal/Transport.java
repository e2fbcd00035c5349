package io.github.spacescopejava.client.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * Feign's HTTP seam on the JDK {@link HttpClient}, with what Feign's own {@code Http2Client} does
 * not give:
 *
 * <ul>
 *   <li>Redirects are never followed. The built-in client is made with {@code Redirect.NEVER}; a
 *       client passed in must be too (the builder checks). A 3xx reaches the error mapper as it is,
 *       so the token goes to the base URL's origin and nowhere else.
 *   <li>One deadline per attempt covers the whole answer, headers and body: {@code readTimeout}
 *       from sending the request to the last byte, a new connection included.
 *   <li>An attempt that is interrupted or runs out of time cancels its exchange, which releases the
 *       connection inside the JDK client instead of leaving it pending.
 *   <li>{@link #close()} cancels every exchange still running and shuts the built-in client down:
 *       its worker threads at once; its selector thread and pooled connections with {@code
 *       shutdownNow()} on JDK 21 and later, and on JDK 17, which has no way to close an {@code
 *       HttpClient}, when the JDK finds the client unreferenced (the transport drops its reference
 *       on close, and no exchange is left to keep it alive).
 * </ul>
 *
 * <p>The JDK client resends a GET once by itself when the connection breaks before the first byte
 * of the answer (a reset or EOF on a connection it believes alive), and offers no switch to stop
 * that for GET. Such an attempt can therefore reach the server twice; README states the figure.
 */
final class Transport implements Client, AutoCloseable {
  // Headers the JDK client sets itself and refuses from callers.
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final AtomicReference<@Nullable HttpClient> http;
  private final boolean owned;
  private final @Nullable ExecutorService ownExecutor;
  private final Duration readTimeout;
  private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

  private Transport(
      HttpClient http, boolean owned, @Nullable ExecutorService ownExecutor, Duration readTimeout) {
    this.http = new AtomicReference<>(http);
    this.owned = owned;
    this.ownExecutor = ownExecutor;
    this.readTimeout = readTimeout;
  }

  /** A transport on a client of its own, which {@link #close()} shuts down. */
  static Transport builtIn(Duration connectTimeout, Duration readTimeout) {
    AtomicInteger n = new AtomicInteger();
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "spacescope-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .executor(executor)
            .build();
    return new Transport(client, true, executor, readTimeout);
  }

  /** A transport on the caller's client, which stays the caller's to close. */
  static Transport on(HttpClient client, Duration readTimeout) {
    return new Transport(client, false, null, readTimeout);
  }

  /** Why an attempt failed, with the host and port it went to. */
  static final class AttemptFailed extends IOException {
    private static final long serialVersionUID = 1L;
    private final String target;

    AttemptFailed(String target, IOException reason) {
      super(reason.getMessage(), reason);
      this.target = target;
    }

    String target() {
      return target;
    }

    IOException reason() {
      return (IOException) getCause();
    }
  }

  @Override
  public Response execute(Request request, Request.Options options) throws IOException {
    URI uri = URI.create(request.url());
    String target = uri.getHost() + ":" + port(uri);
    HttpClient client = http.get();
    if (client == null) {
      throw new AttemptFailed(target, new InterruptedIOException("the client is closed"));
    }
    CompletableFuture<HttpResponse<byte[]>> answer =
        client.sendAsync(toJdk(request, uri), HttpResponse.BodyHandlers.ofByteArray());
    inFlight.add(answer);
    try {
      HttpResponse<byte[]> response = answer.get(readTimeout.toNanos(), TimeUnit.NANOSECONDS);
      return Response.builder()
          .status(response.statusCode())
          .reason("")
          .headers(headers(response.headers().map()))
          .body(response.body())
          .request(request)
          .build();
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw new AttemptFailed(
          target,
          new HttpTimeoutException(
              "no complete answer within readTimeout " + readTimeout.toMillis() + " ms"));
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new AttemptFailed(
          target, new InterruptedIOException("interrupted while waiting for the answer"));
    } catch (CancellationException e) {
      throw new AttemptFailed(target, new InterruptedIOException("the request was cancelled"));
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new AttemptFailed(
          target, cause instanceof IOException io ? io : new IOException(String.valueOf(cause)));
    } finally {
      inFlight.remove(answer);
    }
  }

  /** Cancels every exchange in flight; shuts the built-in client down. */
  @Override
  public void close() {
    HttpClient client = http.getAndSet(null);
    inFlight.forEach(f -> f.cancel(true));
    if (owned && client != null) {
      shutdownNow(client);
    }
    if (ownExecutor != null) {
      ownExecutor.shutdownNow();
    }
  }

  /** Exchanges in flight (for tests). */
  int inFlight() {
    return inFlight.size();
  }

  // HttpClient.shutdownNow() exists from JDK 21; the baseline is 17.
  private static void shutdownNow(HttpClient client) {
    try {
      Method m = HttpClient.class.getMethod("shutdownNow");
      m.invoke(client);
    } catch (NoSuchMethodException onJdk17) {
      // Nothing to call: the JDK ends the client once it is unreferenced and idle.
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Closing is best effort; the client is unreferenced either way.
    }
  }

  private static HttpRequest toJdk(Request request, URI uri) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri);
    for (Map.Entry<String, Collection<String>> h : request.headers().entrySet()) {
      if (!RESTRICTED.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        h.getValue().forEach(v -> b.header(h.getKey(), v));
      }
    }
    byte[] body = request.body();
    b.method(
        request.httpMethod().name(),
        body == null || body.length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    return b.build();
  }

  private static Map<String, Collection<String>> headers(Map<String, List<String>> jdk) {
    Map<String, Collection<String>> out = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    jdk.forEach((k, v) -> out.put(k, v));
    return out;
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
