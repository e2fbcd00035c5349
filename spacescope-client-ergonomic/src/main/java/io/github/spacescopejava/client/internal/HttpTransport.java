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
import java.net.http.HttpTimeoutException;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
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
  private final Watchdog watchdog;

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
    this.watchdog = new Watchdog(inFlight, readTimeout);
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

  /**
   * Ends the exchanges whose deadline has passed. One daemon thread per transport, started on the
   * first exchange, that wakes every {@code readTimeout / 20} (1 to 100 ms) while exchanges are in
   * flight and ends after 30 s without any, or at {@link #close()}. A thread that ticks costs no
   * hand-off per request, where scheduling a timer per request woke a timer thread on every one (30
   * to 50 µs of each call on two cores). The price: a deadline is noticed up to one tick late.
   */
  static final class Watchdog implements Runnable {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private final Set<Exchange> inFlight;
    private final long tickNanos;
    private final long idleNanos;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean closed;
    private volatile @Nullable Thread thread;

    Watchdog(Set<Exchange> inFlight, Duration readTimeout) {
      this(
          inFlight,
          Math.max(
              TimeUnit.MILLISECONDS.toNanos(1),
              Math.min(TimeUnit.MILLISECONDS.toNanos(100), readTimeout.toNanos() / 20)),
          TimeUnit.SECONDS.toNanos(30));
    }

    Watchdog(Set<Exchange> inFlight, long tickNanos, long idleNanos) {
      this.inFlight = inFlight;
      this.tickNanos = tickNanos;
      this.idleNanos = idleNanos;
    }

    /** The thread now keeping the deadlines, if one runs (for tests). */
    @Nullable Thread thread() {
      return running.get() ? thread : null;
    }

    /** Starts the thread if it is not running; cheap when it is. */
    void ensureRunning() {
      if (!running.get() && !closed && running.compareAndSet(false, true)) {
        Thread t = new Thread(this, "spacescope-deadline-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        thread = t;
        t.start();
      }
    }

    @Override
    public void run() {
      long idleSince = System.nanoTime();
      while (!closed) {
        LockSupport.parkNanos(this, tickNanos);
        long now = System.nanoTime();
        for (Exchange e : inFlight) {
          if (now - e.deadline >= 0) {
            e.end(Exchange.Reason.DEADLINE);
          }
        }
        if (!inFlight.isEmpty()) {
          idleSince = now;
        } else if (now - idleSince > idleNanos) {
          running.set(false);
          // An exchange registered before the flag went down saw it up and started nothing.
          if (inFlight.isEmpty() || !running.compareAndSet(false, true)) {
            return;
          }
        }
      }
    }

    void close() {
      closed = true;
      Thread t = thread;
      if (t != null) {
        LockSupport.unpark(t);
      }
    }
  }

  /**
   * One attempt's thread while it is inside {@code send}. The deadline and {@link #close()} end it
   * by interrupting that thread, under this object's lock and only while it runs; the thread itself
   * stops running under the same lock, and clears the interrupt it was sent, so that no interrupt
   * of ours outlives the attempt. An interrupt the caller sends at the very moment the deadline or
   * {@code close()} does is indistinguishable from ours and is cleared with it; the attempt then
   * fails for the deadline or the close.
   */
  static final class Exchange {
    enum Reason {
      DEADLINE,
      CLOSE
    }

    private final Thread thread;
    final long deadline;
    private boolean running = true;
    private @Nullable Reason endedBy;

    Exchange(Thread thread, long deadline) {
      this.thread = thread;
      this.deadline = deadline;
    }

    /** From the deadline or close(): ends a running exchange by interrupting its thread. */
    synchronized void end(Reason why) {
      if (running && endedBy == null) {
        endedBy = why;
        thread.interrupt();
      }
    }

    /**
     * From the exchange's own thread: stops running (once) and clears the interrupt that {@link
     * #end} sent, if it sent one. Returns why the exchange was ended, or null if it was not.
     */
    synchronized @Nullable Reason finish() {
      if (running) {
        running = false;
        if (endedBy != null) {
          Thread.interrupted();
        }
      }
      return endedBy;
    }

    /** The failure of an attempt: the deadline, close(), or what {@code send} threw. */
    AttemptFailed failure(String target, IOException thrown, Duration readTimeout) {
      Reason reason = finish();
      if (reason == Reason.DEADLINE) {
        return new AttemptFailed(
            target,
            new HttpTimeoutException(
                "no complete answer within readTimeout " + readTimeout.toMillis() + " ms"));
      }
      if (reason == Reason.CLOSE) {
        return AttemptFailed.closed(target);
      }
      if (thrown instanceof InterruptedIOException) {
        // The caller's own interrupt: the JDK cancelled the exchange; the flag stays set.
        Thread.currentThread().interrupt();
      }
      return new AttemptFailed(target, thrown);
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
