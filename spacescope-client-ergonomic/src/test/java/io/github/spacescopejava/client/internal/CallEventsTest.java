package io.github.spacescopejava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.LimitExceededException;
import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.ServerException;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.client.TransportException;
import io.github.spacescopejava.client.UnexpectedResponseException;
import io.github.spacescopejava.client.event.AttemptSent;
import io.github.spacescopejava.client.event.CallFailed;
import io.github.spacescopejava.client.event.CallPlanned;
import io.github.spacescopejava.client.event.RetryReason;
import io.github.spacescopejava.client.event.SpaceScopeListener;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;

/** The pure parts of the events: the retry reasons, and listeners called in order, isolated. */
class CallEventsTest {
  private static final RequestContext CTX = Contexts.request("/v2/x", "a=b", "2024-01-01");

  static Stream<Arguments> reasons() {
    return Stream.of(
        // what failed, how the classifier filed it, the reason told
        Arguments.of(
            new TransportException("reset", CTX, null), Failure.Retry.TRANSIENT, "TRANSPORT"),
        Arguments.of(
            new LimitExceededException(
                "429",
                LimitExceededException.Kind.RATE_LIMIT,
                Contexts.withResponse(CTX, 429, null, null, null),
                null),
            Failure.Retry.TRANSIENT,
            "RATE_LIMITED"),
        Arguments.of(
            new ServerException("503", Contexts.withResponse(CTX, 503, null, null, null), null),
            Failure.Retry.TRANSIENT,
            "SERVER_ERROR"),
        Arguments.of(
            new ServerException("500", Contexts.withResponse(CTX, 500, null, null, "r"), null),
            Failure.Retry.TRANSIENT,
            "SERVER_ERROR"),
        Arguments.of(
            new ServerException(
                "30003", Contexts.withResponse(CTX, 200, 30003, "internal", "r"), null),
            Failure.Retry.TRANSIENT,
            "API_INTERNAL_ERROR"),
        Arguments.of(
            new LimitExceededException(
                "30001",
                LimitExceededException.Kind.QUOTA,
                Contexts.withResponse(CTX, 200, 30001, "quota", "r"),
                null),
            Failure.Retry.LIMIT,
            "LIMIT_EXCEEDED"),
        Arguments.of(
            new UnexpectedResponseException(
                "cut short",
                "{\"code\":0,",
                Contexts.withResponse(CTX, 200, null, null, null),
                null),
            Failure.Retry.TRANSIENT,
            "TRANSPORT"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("reasons")
  void eachRetriedFailureHasItsReason(
      SpaceScopeException failure, Failure.Retry retry, String reason) {
    assertThat(CallEvents.reason(new Failure(failure, retry, null)))
        .isEqualTo(RetryReason.valueOf(reason));
  }

  /** Records WARN and DEBUG lines. */
  static final class Lines extends AbstractLogger {
    private static final long serialVersionUID = 1L;
    final List<String> lines = new ArrayList<>();

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(
        Level level,
        org.slf4j.Marker marker,
        String pattern,
        Object[] arguments,
        Throwable throwable) {
      lines.add(level + " " + pattern + (throwable == null ? "" : " !" + throwable.getMessage()));
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isTraceEnabled(org.slf4j.Marker marker) {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return true;
    }

    @Override
    public boolean isDebugEnabled(org.slf4j.Marker marker) {
      return true;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isInfoEnabled(org.slf4j.Marker marker) {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled(org.slf4j.Marker marker) {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled(org.slf4j.Marker marker) {
      return true;
    }
  }

  @Test
  void listenersAreCalledInOrderAndOneThatThrowsIsLoggedOnceAndSkipped() {
    List<String> heard = new ArrayList<>();
    SpaceScopeListener first =
        new SpaceScopeListener() {
          @Override
          public void attemptSent(AttemptSent e) {
            heard.add("first " + e.attempt());
          }
        };
    SpaceScopeListener throwing =
        new SpaceScopeListener() {
          @Override
          public void attemptSent(AttemptSent e) {
            heard.add("throwing " + e.attempt());
            throw new IllegalStateException("listener bug " + e.attempt());
          }
        };
    SpaceScopeListener last =
        new SpaceScopeListener() {
          @Override
          public void attemptSent(AttemptSent e) {
            heard.add("last " + e.attempt());
          }
        };
    Lines log = new Lines();
    Listeners listeners = new Listeners(List.of(first, throwing, last), log);

    for (int n = 1; n <= 3; n++) {
      listeners.emit(SpaceScopeListener::attemptSent, new AttemptSent("/v2/x", "w", n));
    }

    assertThat(heard)
        .containsExactly(
            "first 1",
            "throwing 1",
            "last 1",
            "first 2",
            "throwing 2",
            "last 2",
            "first 3",
            "throwing 3",
            "last 3");
    assertThat(log.lines).hasSize(3);
    assertThat(log.lines.get(0))
        .startsWith("WARN The listener {} threw on {}")
        .endsWith("!listener bug 1");
    assertThat(log.lines.subList(1, 3)).allSatisfy(l -> assertThat(l).startsWith("DEBUG"));
  }

  @Test
  void aCallPlansItsWindowsAndToldOnlyOfTheClientsOwnFailures() {
    List<Object> heard = new ArrayList<>();
    SpaceScopeListener recorder =
        new SpaceScopeListener() {
          @Override
          public void callPlanned(CallPlanned e) {
            heard.add(e);
          }

          @Override
          public void callFailed(CallFailed e) {
            heard.add(e);
          }
        };
    Listeners listeners = new Listeners(List.of(recorder), new Lines());
    ServerException failure = new ServerException("503", CTX, null);

    CallEvents events = CallEvents.planned(listeners, "/v2/x", List.of("a..b", "c..d"));
    events.failed(failure);
    events.failed(new IllegalStateException("not the client's"));

    assertThat(heard)
        .containsExactly(
            new CallPlanned("/v2/x", List.of("a..b", "c..d")), new CallFailed("/v2/x", failure));
  }

  @Test
  void withoutListenersNoEventIsBuilt() {
    assertThat(CallEvents.planned(Listeners.NONE, "/v2/x", List.of("a"))).isSameAs(CallEvents.NONE);
    assertThat(CallEvents.NONE.window("a", (o, w, n, r, d) -> null))
        .isSameAs(RetryLoop.Attempts.none());
  }
}
