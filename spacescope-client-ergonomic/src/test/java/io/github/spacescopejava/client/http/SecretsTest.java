package io.github.spacescopejava.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.Scenario;
import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeExtension;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The token never shows in logs (any level), exception messages, or toString. */
class SecretsTest {
  @RegisterExtension
  static final SpaceScopeFakeExtension FAKE =
      SpaceScopeFakeExtension.builder().clock(Instant.parse("2025-01-02T00:00:00Z")).build();

  /**
   * Collects the client's events from every thread. Unsynchronized, and the fake server's events
   * are dropped before formatting: formatting them calls Jetty's toString methods, which take
   * Jetty's locks, and doing that under an appender lock deadlocks with Jetty's own threads.
   */
  static final class Capture extends UnsynchronizedAppenderBase<ILoggingEvent> {
    final ConcurrentLinkedQueue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
      if (isTheFakeServer(event)) {
        return;
      }
      event.prepareForDeferredProcessing();
      events.add(event);
    }
  }

  private final Capture captured = new Capture();
  private final List<Appender<ILoggingEvent>> muted = new ArrayList<>();
  private Logger root;
  private Level rootLevel;

  @BeforeEach
  void captureEverything() {
    root =
        ((LoggerContext) LoggerFactory.getILoggerFactory())
            .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLevel = root.getLevel();
    // Everything at TRACE goes to the capture only: the fake's Jetty logs request headers at
    // DEBUG, and test output must not show a token either.
    root.iteratorForAppenders().forEachRemaining(muted::add);
    muted.forEach(root::detachAppender);
    root.setLevel(Level.TRACE);
    captured.start();
    root.addAppender(captured);
  }

  @AfterEach
  void stopCapturing() {
    root.detachAppender(captured);
    root.setLevel(rootLevel);
    muted.forEach(root::addAppender);
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void tokenNeverAppearsInAnyLogLineOrException(SpaceScopeFake fake) {
    DateRange range = DateRange.of(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30));
    fake.given(Scenario.on("/v2/power/network_storage_capacity").once(Fault.errorCode(30003)));
    fake.given(Scenario.on("/v2/gas/daily_network_fee_breakdown").always(Fault.badGatewayHtml()));
    fake.given(Scenario.on("/v2/economics/block_reward").always(Fault.errorCode(10011)));

    try (SpaceScope client =
        Clients.against(fake).logger(LoggerFactory.getLogger("spacescope.test")).build()) {
      assertThat(client.power().networkStorageCapacity(range)).hasSize(182);
      Throwable gateway = catchThrowable(() -> client.gas().dailyNetworkFeeBreakdown(range));
      Throwable auth = catchThrowable(() -> client.economics().blockReward(range));
      for (Throwable thrown : List.of(gateway, auth)) {
        assertThat(thrown).isInstanceOf(SpaceScopeException.class);
        // The whole chain, as a log would print it: every cause's message and stack.
        assertThat(stackTrace(thrown)).doesNotContain(secrets(fake));
        assertThat(((SpaceScopeException) thrown).context().toString())
            .doesNotContain(secrets(fake));
      }
      assertThat(client.toString()).doesNotContain(secrets(fake));
    }

    // The capture already drops the fake server's events.
    List<ILoggingEvent> ours = List.copyOf(captured.events);
    assertThat(ours)
        .as("the client logs its requests at DEBUG")
        .anySatisfy(
            e ->
                assertThat(e.getFormattedMessage())
                    .contains("/v2/power/network_storage_capacity?start_date=2024-01-01"));
    assertThat(ours)
        .as("the client logs its retries at DEBUG")
        .anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("retrying"));
    assertThat(ours)
        .allSatisfy(
            e -> {
              assertThat(e.getFormattedMessage()).doesNotContain(secrets(fake));
              if (e.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(e.getThrowableProxy()))
                    .doesNotContain(secrets(fake));
              }
            });
  }

  /** The token as it is and URL-encoded, as a query or a proxy would echo it. */
  private static String[] secrets(SpaceScopeFake fake) {
    return new String[] {
      fake.token(),
      java.net.URLEncoder.encode(fake.token(), java.nio.charset.StandardCharsets.UTF_8)
    };
  }

  private static String stackTrace(Throwable t) {
    java.io.StringWriter out = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }

  /** The fake (WireMock, Jetty) is not the client: what the server side logs is its business. */
  private static boolean isTheFakeServer(ILoggingEvent e) {
    String name = e.getLoggerName();
    return name.startsWith("org.eclipse.jetty")
        || name.startsWith("com.github.tomakehurst")
        || name.startsWith("wiremock")
        || name.startsWith("org.wiremock")
        || name.startsWith("io.github.spacescopejava.testkit")
        || name.startsWith("com.atlassian")
        || name.startsWith("io.swagger");
  }
}
