package io.github.spacescopejava.testkit.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The engine behind a WireMock 3 server: one stub per operation of the spec (named after its
 * operationId, visible at {@code /__admin/mappings}) and a catch-all stub of lower priority for
 * everything else, all answered by the engine through a response transformer.
 *
 * <p>Jetty starts ({@link #start()}) before the engine is there ({@link #serve}), so that a cold
 * JVM parses the spec while Jetty starts.
 */
public final class FakeServer {
  static final String TRANSFORMER = "spacescope-fake";
  private static final int OPERATION_PRIORITY = 5;
  private static final int CATCH_ALL_PRIORITY = 10;

  private final EngineTransformer transformer = new EngineTransformer();
  private final UnmatchedCounter unmatched = new UnmatchedCounter();
  private final WireMockServer server;

  /**
   * A server with no stub yet.
   *
   * @param journal whether WireMock keeps its request journal. The fake's own log ({@link
   *     RequestLog}) holds what the testkit reports, without headers; WireMock's journal would keep
   *     every request with its authorization header, so the fake runs without it.
   */
  public FakeServer(String bindAddress, int port, boolean journal) {
    WireMockConfiguration options =
        WireMockConfiguration.options()
            .bindAddress(bindAddress)
            .port(port)
            .extensions(transformer, unmatched)
            .notifier(new RedactingNotifier())
            // Never pick up the stubs of a project's src/test/resources/mappings.
            .mappingSource(NoMappings.INSTANCE)
            .extensionScanningEnabled(false)
            .templatingEnabled(false)
            .stubRequestLoggingDisabled(true)
            // One acceptor thread is plenty for a test server; WireMock's default of two made Jetty
            // warn "Acceptors should be <= availableProcessors" on every start on two cores.
            .jettyAcceptors(1);
    if (journal) {
      options.maxRequestJournalEntries(10_000);
    } else {
      options.disableRequestJournal();
    }
    this.server = new WireMockServer(options);
  }

  /** Starts Jetty, with no stub yet: nothing is served until {@link #serve}. */
  public void start() {
    server.start();
  }

  /** Registers the stubs of the engine's spec and answers with it from now on. */
  public void serve(FakeEngine engine) {
    transformer.engine = engine;
    for (OperationSpec op : engine.spec().operations()) {
      server.stubFor(
          get(urlPathEqualTo(op.path()))
              .atPriority(OPERATION_PRIORITY)
              .withName(op.operationId())
              .willReturn(aResponse().withTransformers(TRANSFORMER)));
    }
    server.stubFor(
        any(anyUrl())
            .atPriority(CATCH_ALL_PRIORITY)
            .withName("not in the spec")
            .willReturn(aResponse().withTransformers(TRANSFORMER)));
  }

  public void stop() {
    server.stop();
  }

  public boolean isRunning() {
    return server.isRunning();
  }

  public int port() {
    return server.port();
  }

  /**
   * How many requests matched no stub since the last {@link #resetUnmatched()} (only possible if
   * someone removed the catch-all through WireMock's admin API). Counted without the journal.
   */
  public int unmatchedCount() {
    return unmatched.count.get();
  }

  public void resetUnmatched() {
    unmatched.count.set(0);
  }

  public WireMockServer wireMock() {
    return server;
  }

  private static final class EngineTransformer implements ResponseDefinitionTransformerV2 {
    volatile @Nullable FakeEngine engine;

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      FakeEngine engine = this.engine;
      if (engine == null) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(503).build();
      }
      LoggedRequest r = event.getRequest();
      Reply reply =
          engine.handle(
              IncomingRequest.of(
                  r.getMethod().getName(),
                  r.getUrl(),
                  header(r, "authorization"),
                  header(r, "accept")));
      ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition();
      if (reply.connectionReset()) {
        b.withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER);
      } else {
        b.withStatus(reply.status()).withBody(reply.body());
        for (Map.Entry<String, String> h : reply.headers().entrySet()) {
          b.withHeader(h.getKey(), h.getValue());
        }
      }
      if (!reply.delay().isZero()) {
        b.withFixedDelay((int) Math.min(Integer.MAX_VALUE, reply.delay().toMillis()));
      }
      return b.build();
    }

    private static @Nullable String header(LoggedRequest r, String name) {
      return r.containsHeader(name) ? r.getHeader(name) : null;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public String getName() {
      return TRANSFORMER;
    }
  }

  /** Counts the requests that matched no stub, keeping nothing of them. */
  private static final class UnmatchedCounter implements ServeEventListener {
    final AtomicInteger count = new AtomicInteger();

    @Override
    public void afterMatch(ServeEvent event, Parameters parameters) {
      if (!event.getWasMatched()) {
        count.incrementAndGet();
      }
    }

    @Override
    public String getName() {
      return "spacescope-fake-unmatched";
    }
  }

  /** Loads and saves nothing: the fake's stubs come from the spec alone. */
  @SuppressWarnings("removal") // remove(StubMapping) is deprecated but still abstract in WireMock 3
  private enum NoMappings implements MappingsSource {
    INSTANCE;

    @Override
    public void loadMappingsInto(StubMappings stubMappings) {}

    @Override
    public void save(List<StubMapping> stubMappings) {}

    @Override
    public void save(StubMapping stubMapping) {}

    @Override
    public void remove(StubMapping stubMapping) {}

    @Override
    public void removeAll() {}
  }
}
