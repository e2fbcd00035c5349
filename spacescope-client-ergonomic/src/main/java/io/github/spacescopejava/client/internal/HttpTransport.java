package io.github.spacescopejava.client.internal;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The ergonomic client's Feign {@link Client}: sends each request on the JDK {@link HttpClient},
 * with what Feign's own {@code Http2Client} does not give:
 *
 * <ul>
 *   <li>Redirects are never followed. The built-in client is made with {@code Redirect.NEVER}; a
 *       client passed in must be too (the builder checks). A 3xx reaches the error mapper as it is,
 *       so the token goes to the base URL's origin and nowhere else.
 *   <li>One deadline per attempt covers the whole answer, headers and body: Feign's {@code
 *       readTimeout} option from sending the request to the last byte, a new connection included.
 *       (The connect timeout is the {@code HttpClient}'s own; the options' redirect flag is always
 *       false, and the JDK client is made not to follow redirects whatever it says.)
 *   <li>An answer's body is bounded by {@code maxResponseBytes} ({@link BoundedBody}, decision
 *       D44): a larger one is not read past the limit, and its connection is closed.
 *   <li>An attempt that is interrupted or runs out of time cancels its exchange, which releases the
 *       connection inside the JDK client instead of leaving it pending.
 *   <li>{@link #close()} cancels every exchange still running and shuts the built-in client down:
 *       its worker threads at once; its selector thread and pooled connections with {@code
 *       shutdownNow()} on JDK 21 and later, and on JDK 17, which has no way to close an {@code
 *       HttpClient}, when the JDK finds the client unreferenced (the transport drops its reference
 *       on close, and no exchange is left to keep it alive).
 * </ul>
 *
 * <p>Each attempt is the JDK's blocking {@code send} on the calling thread (decision D40): {@code
 * sendAsync} would hand every answer to the common fork-join pool before the caller sees it, one
 * thread hand-off more per request, which on two cores was most of the client's cost on loopback.
 * The deadline and {@link #close()} reach a thread blocked in {@code send} the way the JDK itself
 * supports: they interrupt it, and {@code send} then cancels its exchange. {@link Exchange} makes
 * sure such an interrupt only lands while the thread is inside {@code send}, and is cleared again
 * before the thread leaves this class; an interrupt of the caller's own is kept.
 *
 * <p>The JDK client resends a GET once by itself when the connection breaks before the first byte
 * of the answer (a reset or EOF on a connection it believes alive), and offers no switch to stop
 * that for GET. Such an attempt can therefore reach the server twice; README states the figure.
 */
final class HttpTransport implements Client, AutoCloseable {
  // Headers the JDK client sets itself and refuses from callers.
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final AtomicReference<@Nullable HttpClient> http;
  private final boolean owned;
  private final @Nullable ExecutorService ownExecutor;
  private final BoundedBody body;
  private final Set<Exchange> inFlight = ConcurrentHashMap.newKeySet();
  private final DeadlineWatchdog watchdog;

  private HttpTransport(
      HttpClient http,
      boolean owned,
      @Nullable ExecutorService ownExecutor,
      Duration readTimeout,
      long maxResponseBytes) {
    this.http = new AtomicReference<>(http);
    this.owned = owned;
    this.ownExecutor = ownExecutor;
    this.body = new BoundedBody(maxResponseBytes);
    this.watchdog = new DeadlineWatchdog(inFlight, readTimeout, System::nanoTime);
  }

  /** A transport on a client of its own, which {@link #close()} shuts down. */
  static HttpTransport builtIn(
      Duration connectTimeout, Duration readTimeout, long maxResponseBytes) {
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
    return new HttpTransport(client, true, executor, readTimeout, maxResponseBytes);
  }

  /** A transport on the caller's client, which stays the caller's to close. */
  static HttpTransport on(HttpClient client, Duration readTimeout, long maxResponseBytes) {
    return new HttpTransport(client, false, null, readTimeout, maxResponseBytes);
  }

  /** Why an attempt failed, with the host and port it went to. */
  static final class AttemptFailed extends IOException {
    private static final long serialVersionUID = 1L;
    private final String target;

    AttemptFailed(String target, IOException reason) {
      super(reason.getMessage(), reason);
      this.target = target;
    }

    /**
     * The failure of an attempt that the client's {@link HttpTransport#close()} stopped or refused.
     */
    static AttemptFailed closed(String target) {
      return new AttemptFailed(target, new InterruptedIOException("the client is closed"));
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
      throw AttemptFailed.closed(target);
    }
    HttpRequest jdkRequest = toJdk(request, uri);
    // Feign's options carry the client's readTimeout; here it covers the whole answer.
    Duration readTimeout = Duration.ofMillis(options.readTimeoutMillis());
    Exchange exchange =
        new Exchange(Thread.currentThread(), System.nanoTime() + readTimeout.toNanos());
    inFlight.add(exchange);
    try {
      if (http.get() == null) {
        // close() ran after the first check and before this exchange was registered.
        throw AttemptFailed.closed(target);
      }
      watchdog.ensureRunning();
      HttpResponse<byte[]> response;
      try {
        response = client.send(jdkRequest, body);
      } catch (InterruptedException e) {
        throw exchange.failure(
            target,
            new InterruptedIOException("interrupted while waiting for the answer"),
            readTimeout);
      } catch (IOException e) {
        // An answer over the limit fails as itself, out of the JDK's wrapping.
        BoundedBody.TooLarge tooLarge = BoundedBody.TooLarge.in(e);
        throw exchange.failure(target, tooLarge != null ? tooLarge : e, readTimeout);
      }
      if (exchange.finish() != null) {
        // The deadline or close() came just as the answer did: the answer is not used.
        throw exchange.failure(target, new InterruptedIOException("too late"), readTimeout);
      }
      return Response.builder()
          .status(response.statusCode())
          .reason("")
          // Feign's Response copies the headers into a case-insensitive map of its own.
          .headers(
              Collections.<String, Collection<String>>unmodifiableMap(response.headers().map()))
          .body(new BytesBody(response.body()))
          .request(request)
          .build();
    } finally {
      exchange.finish();
      inFlight.remove(exchange);
    }
  }

  /** Cancels every exchange in flight; shuts the built-in client down. */
  @Override
  public void close() {
    HttpClient client = http.getAndSet(null);
    inFlight.forEach(e -> e.end(Exchange.Reason.CLOSE));
    watchdog.close();
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

  /**
   * A body the transport has already read whole: the decoder takes its bytes as they are, where
   * Feign's own byte-array body would be copied once more through a stream.
   */
  record BytesBody(byte[] bytes) implements Response.Body {
    @Override
    public Integer length() {
      return bytes.length;
    }

    @Override
    public boolean isRepeatable() {
      return true;
    }

    @Override
    public InputStream asInputStream() {
      return new ByteArrayInputStream(bytes);
    }

    @Override
    public Reader asReader(Charset charset) {
      return new InputStreamReader(asInputStream(), charset);
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
      return "BytesBody[" + bytes.length + " bytes]";
    }
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

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
