package io.github.spacescopejava.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The token appears nowhere the client writes: not in its log lines at TRACE, nor in an exception's
 * message, string, stack trace or serialized form, nor on the console, nor at another origin. Three
 * servers: the fake with every fault of the fault matrix, a server that redirects to another
 * origin, and servers that echo the authorization header back in every place an answer has.
 */
class SecretsTest {
  static final String TOKEN = "sekr3t-" + "Q7fLm2ZxW9pA4vK8nR1tY6uE3oJ5hD0c";

  /** Everything logged, except the servers' own lines (they are not the client's writes). */
  static final class Capture extends AppenderBase<ILoggingEvent> {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      String name = event.getLoggerName();
      if (name.startsWith("org.eclipse.jetty")
          || name.startsWith("com.github.tomakehurst")
          || name.startsWith("wiremock")
          || name.startsWith("io.github.spacescopejava.testkit")
          || name.startsWith("com.atlassian")
          || name.startsWith("io.swagger")) {
        return;
      }
      lines.add(name + " " + event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
    }
  }

  private final Capture capture = new Capture();
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private PrintStream out;
  private PrintStream err;
  private Level rootLevel;

  @BeforeEach
  void captureEverything() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    capture.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
    capture.start();
    root.addAppender(capture);
    root.setLevel(Level.TRACE);
    // Jetty and WireMock at TRACE are the servers' business, and slow: keep them at WARN.
    ((Logger) LoggerFactory.getLogger("org.eclipse.jetty")).setLevel(Level.WARN);
    ((Logger) LoggerFactory.getLogger("com.github.tomakehurst")).setLevel(Level.WARN);
    ((Logger) LoggerFactory.getLogger("wiremock")).setLevel(Level.WARN);
    // The same servers inside the testkit, relocated (the fake logs request headers at DEBUG).
    ((Logger) LoggerFactory.getLogger("io.github.spacescopejava.testkit.shaded"))
        .setLevel(Level.WARN);
    out = System.out;
    err = System.err;
    PrintStream tee = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setOut(tee);
    System.setErr(tee);
  }

  @AfterEach
  void stopCapturing() {
    System.setOut(out);
    System.setErr(err);
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(capture);
    root.setLevel(rootLevel);
  }

  @Test
  void faultMatrixAtTraceRedirectAndEchoLeaveNoTokenAnywhere() throws Exception {
    List<Throwable> thrown = new ArrayList<>();
    try (SpaceScopeFake fake = SpaceScopeFake.builder().token(TOKEN).start()) {
      List<FaultMatrix.Outcome> outcomes = FaultMatrix.run(fake, thrown::add);
      assertThat(outcomes).hasSize(FaultMatrix.cases().size());
    }
    int fromMatrix = thrown.size();

    List<String> echoedElsewhere = new CopyOnWriteArrayList<>();
    HttpServer elsewhere =
        server(
            exchange -> {
              echoedElsewhere.add(
                  String.valueOf(exchange.getRequestHeaders().get("authorization")));
              reply(exchange, 200, "{\"code\":0,\"data\":[]}", null);
            });
    HttpServer redirecting =
        server(
            exchange -> {
              exchange
                  .getResponseHeaders()
                  .add(
                      "Location",
                      "http://127.0.0.1:"
                          + elsewhere.getAddress().getPort()
                          + exchange.getRequestURI());
              reply(exchange, 302, "", null);
            });
    thrown.add(call(redirecting));
    assertThat(echoedElsewhere).as("requests that followed the redirect").isEmpty();

    // Echo the header back: in an HTML error page, an envelope's message, a 400 body, a header,
    // a body that is not JSON.
    String[][] echoes = {
      {"500", "<html><body>Your header was: %s</body></html>"},
      {
        "200",
        "{\"request_id\":\"%1$s\",\"code\":30003,\"message\":\"bad token %1$s\",\"data\":null}"
      },
      {"400", "{\"code\":30002,\"message\":\"authorization: %s\"}"},
      {"401", "{\"code\":10012,\"message\":\"expired: %s\"}"},
      {"429", "{\"message\":\"%s is too fast\"}"},
      {"200", "not json, and your header was %s"},
      {"200", "{\"code\":0,\"message\":\"%s\",\"data\":{\"not\":\"a list\"}}"},
    };
    for (String[] echo : echoes) {
      HttpServer echoing =
          server(
              exchange -> {
                String header = exchange.getRequestHeaders().getFirst("authorization");
                reply(
                    exchange,
                    Integer.parseInt(echo[0]),
                    String.format(echo[1], header),
                    "X-Echo: " + header);
              });
      thrown.add(call(echoing));
      echoing.stop(0);
    }
    redirecting.stop(0);
    elsewhere.stop(0);

    assertThat(thrown).hasSizeGreaterThan(fromMatrix + echoes.length);
    assertThat(thrown).allSatisfy(t -> assertThat(t).isInstanceOf(SpaceScopeException.class));
    for (Throwable t : thrown) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN);
      assertThat(t.toString()).doesNotContain(TOKEN);
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(TOKEN);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
        o.writeObject(t);
      }
      assertThat(bytes.toString(StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
    }
    assertThat(capture.lines).as("log lines at TRACE").isNotEmpty();
    assertThat(capture.lines).noneSatisfy(line -> assertThat(line).contains(TOKEN));
    assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
  }

  private static Throwable call(HttpServer server) {
    try (SpaceScope client =
        SpaceScope.builder()
            .token(TOKEN)
            .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
            .clock(Loopback.CLOCK)
            .retryPolicy(FaultMatrix.RETRIES)
            .readTimeout(Duration.ofSeconds(20))
            .build()) {
      LocalDate day = LocalDate.of(2024, 12, 30);
      Throwable t =
          catchThrowable(
              () -> client.power().networkStorageCapacity(DateRange.of(day.minusDays(2), day)));
      assertThat(t).as("a failure from %s", server.getAddress()).isNotNull();
      return t;
    }
  }

  interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private static HttpServer server(Handler handler) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", handler::handle);
    server.start();
    return server;
  }

  private static void reply(HttpExchange exchange, int status, String body, String header)
      throws IOException {
    if (header != null) {
      exchange
          .getResponseHeaders()
          .add(header.substring(0, header.indexOf(':')), header.substring(header.indexOf(':') + 2));
    }
    if (status == 429) {
      exchange.getResponseHeaders().add("Retry-After", "0");
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange
        .getResponseHeaders()
        .add("Content-Type", body.startsWith("<") ? "text/html" : "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
