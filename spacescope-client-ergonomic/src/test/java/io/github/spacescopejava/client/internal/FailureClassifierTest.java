package io.github.spacescopejava.client.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.AuthenticationException;
import io.github.spacescopejava.client.DataNotReadyException;
import io.github.spacescopejava.client.InvalidRequestException;
import io.github.spacescopejava.client.LimitExceededException;
import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.ServerException;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.client.TransportException;
import io.github.spacescopejava.client.UnexpectedResponseException;
import io.github.spacescopejava.client.internal.Failure.Retry;
import io.github.spacescopejava.client.internal.FailureClassifier.Outcome;
import io.github.spacescopejava.client.internal.FailureClassifier.Success;
import io.github.spacescopejava.generated.SpaceScopeJson;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureClassifierTest {
  private static final String TOKEN = "tok_ABCDEF0123456789";
  private static final RequestContext CONTEXT =
      Contexts.request(
          "/v2/power/network_storage_capacity",
          "start_date=2024-01-01&end_date=2024-01-31",
          "2024-01-01..2024-01-31");
  private static final LocalDate LAST_DAY = LocalDate.of(2024, 1, 31);

  private final FailureClassifier mapper =
      new FailureClassifier(SpaceScopeJson.newObjectMapper(), TOKEN);
  private final TransportFailures transport = new TransportFailures(mapper.redactor());

  private Outcome classify(int status, String body) {
    return classify(status, null, body);
  }

  private Outcome classify(int status, String retryAfter, String body) {
    return mapper.classify(
        status,
        name -> name.equals("Retry-After") ? retryAfter : null,
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** The failure of a rejected answer, as the call site names it. */
  private static Failure failure(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Rejection.class);
    return ((Rejection) outcome).failure(CONTEXT, LAST_DAY);
  }

  private static String envelope(int code, String message) {
    return "{\"request_id\":\"req-42\",\"code\":"
        + code
        + ",\"message\":\""
        + message
        + "\",\"data\":null}";
  }

  static Stream<Arguments> everyCodeAndStatus() {
    return Stream.of(
        // status, body, exception type, retry, API code in the exception (or -1)
        Arguments.of(
            401,
            envelope(10011, "invalid authorization"),
            AuthenticationException.class,
            Retry.NEVER,
            10011),
        Arguments.of(
            401,
            envelope(10012, "token expired"),
            AuthenticationException.class,
            Retry.NEVER,
            10012),
        Arguments.of(401, "", AuthenticationException.class, Retry.NEVER, -1),
        Arguments.of(
            200,
            envelope(10011, "invalid authorization"),
            AuthenticationException.class,
            Retry.NEVER,
            10011),
        Arguments.of(
            200,
            envelope(30001, "quota limited"),
            LimitExceededException.class,
            Retry.LIMIT,
            30001),
        Arguments.of(
            200,
            envelope(30002, "parameters error"),
            InvalidRequestException.class,
            Retry.NEVER,
            30002),
        Arguments.of(
            200, envelope(30003, "internal error"), ServerException.class, Retry.TRANSIENT, 30003),
        Arguments.of(
            200,
            envelope(30004, "data not ready"),
            DataNotReadyException.class,
            Retry.NEVER,
            30004),
        Arguments.of(
            200,
            envelope(40404, "something new"),
            UnexpectedResponseException.class,
            Retry.NEVER,
            40404),
        Arguments.of(
            400, "<html>Bad Request</html>", InvalidRequestException.class, Retry.NEVER, -1),
        Arguments.of(429, "", LimitExceededException.class, Retry.TRANSIENT, -1),
        Arguments.of(
            500, envelope(30003, "internal error"), ServerException.class, Retry.TRANSIENT, 30003),
        Arguments.of(
            502,
            "<html><body>502 Bad Gateway</body></html>",
            ServerException.class,
            Retry.TRANSIENT,
            -1),
        Arguments.of(503, "", ServerException.class, Retry.TRANSIENT, -1),
        Arguments.of(504, "", ServerException.class, Retry.TRANSIENT, -1),
        Arguments.of(501, "", ServerException.class, Retry.NEVER, -1),
        Arguments.of(404, "not found", UnexpectedResponseException.class, Retry.NEVER, -1),
        Arguments.of(
            200, "<html>maintenance</html>", UnexpectedResponseException.class, Retry.NEVER, -1),
        Arguments.of(200, "", UnexpectedResponseException.class, Retry.NEVER, -1),
        Arguments.of(
            200,
            "{\"request_id\":\"r\",\"code\":0,\"message\":\"success.\",\"data\":[{\"stat_da",
            UnexpectedResponseException.class,
            Retry.TRANSIENT,
            -1),
        Arguments.of(
            200,
            "{\"request_id\":\"r\",\"code\":0,\"message\":\"success.\",\"data\":null}",
            UnexpectedResponseException.class,
            Retry.NEVER,
            0),
        Arguments.of(
            200,
            "{\"request_id\":\"r\",\"code\":0,\"message\":\"success.\"}",
            UnexpectedResponseException.class,
            Retry.NEVER,
            0),
        Arguments.of(
            200,
            "{\"request_id\":\"r\",\"code\":\"0\",\"data\":[]}",
            UnexpectedResponseException.class,
            Retry.NEVER,
            -1),
        Arguments.of(200, "[1,2,3]", UnexpectedResponseException.class, Retry.NEVER, -1));
  }

  @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
  @MethodSource("everyCodeAndStatus")
  void mapsEveryCodeAndStatusToOneTypedException(
      int status,
      String body,
      Class<? extends SpaceScopeException> type,
      Retry retry,
      int apiCode) {
    Outcome outcome = classify(status, body);

    Failure failure = failure(outcome);
    assertThat(failure.exception()).isExactlyInstanceOf(type);
    assertThat(failure.retry()).isEqualTo(retry);
    assertThat(failure.exception().httpStatus()).hasValue(status);
    assertThat(failure.exception().endpoint()).hasValue("/v2/power/network_storage_capacity");
    assertThat(failure.exception().window()).hasValue("2024-01-01..2024-01-31");
    if (apiCode >= 0) {
      assertThat(failure.exception().apiCode()).hasValue(apiCode);
    } else {
      assertThat(failure.exception().apiCode()).isEmpty();
    }
    assertThat(failure.exception().getMessage()).contains("window=2024-01-01..2024-01-31");
  }

  @Test
  void successEnvelopeWithRowsIsASuccess() {
    Outcome outcome =
        classify(200, "{\"request_id\":\"req-1\",\"code\":0,\"message\":\"success.\",\"data\":[]}");

    assertThat(outcome)
        .isInstanceOfSatisfying(
            Success.class, s -> assertThat(s.answer().requestId()).isEqualTo("req-1"));
  }

  @Test
  void errorCarriesTheRequestIdAndTheServersMessage() {
    Failure f =
        failure(classify(200, envelope(30002, "end_date - start_date must be less than 90")));

    assertThat(f.exception().requestId()).hasValue("req-42");
    assertThat(f.exception().apiMessage()).hasValue("end_date - start_date must be less than 90");
    assertThat(f.exception().getMessage()).contains("code 30002").contains("must be less than 90");
  }

  @Test
  void dataNotReadySaysWhenTheLastDayIsPublished() {
    Failure f = failure(classify(200, envelope(30004, "data not ready")));

    assertThat(f.exception())
        .isInstanceOfSatisfying(
            DataNotReadyException.class,
            e -> {
              assertThat(e.expectedAt()).hasValue(Instant.parse("2024-02-01T21:00:00Z"));
              assertThat(e.getMessage()).contains("2024-02-01T21:00:00Z");
            });
  }

  @Test
  void authenticationExceptionsSayWhatToDo() {
    var expired =
        (AuthenticationException) failure(classify(401, envelope(10012, "expired"))).exception();
    var malformed =
        (AuthenticationException) failure(classify(401, envelope(10011, "bad"))).exception();

    assertThat(expired.action()).contains("new token").contains("SPACESCOPE_API_TOKEN");
    assertThat(malformed.action()).contains("Bearer");
  }

  @Test
  void retryAfterIsPassedOnAsSent() {
    Failure f = failure(classify(429, "120", ""));

    assertThat(f.retryAfter()).isEqualTo("120");
  }

  @Nested
  class WhatTheMessagesSay {
    @Test
    void aJsonBodyThatStopsHalfWayIsATruncatedAnswerRetriedLikeAReset() {
      Failure f = failure(classify(200, "{\"request_id\":\"r-7\",\"code\":0,\"data\":[{\"a\":1"));

      assertThat(f.retry()).isEqualTo(Retry.TRANSIENT);
      assertThat(f.exception())
          .isExactlyInstanceOf(UnexpectedResponseException.class)
          .hasMessageStartingWith(
              "The response body ends in the middle of its JSON (a truncated answer), after 43"
                  + " bytes")
          .hasMessageNotContaining("not JSON");
    }

    /**
     * A real answer cut after every one of its bytes is a truncated answer, retried, whatever the
     * byte: between entries, inside a string, a number or a {@code null} (Jackson reports these
     * cuts with three different exceptions).
     */
    @Test
    void anAnswerCutAfterAnyOfItsBytesIsATruncatedAnswerRetried() {
      String whole =
          "{\"request_id\":\"r-1\",\"code\":0,\"message\":\"success.\",\"data\":["
              + "{\"stat_date\":\"2024-01-01T00:00:00Z\",\"total_qa_bytes_power\":"
              + "11195794276685700000,\"ratio\":0.125,\"flag\":true,\"gone\":false,"
              + "\"note\":null,\"name\":\"caf\u00e9 \u4e16\"},"
              + "{\"stat_date\":\"2024-01-02T00:00:00Z\",\"total_qa_bytes_power\":-1e3,"
              + "\"list\":[null,[],{}],\"note\":null}]}";
      byte[] bytes = whole.getBytes(StandardCharsets.UTF_8);
      List<String> notRetried = new ArrayList<>();
      for (int cut = 1; cut < bytes.length; cut++) {
        Outcome outcome = mapper.classify(200, name -> null, java.util.Arrays.copyOf(bytes, cut));
        if (!(outcome instanceof Rejection r)
            || r.retry() != Retry.TRANSIENT
            || !r.failure(CONTEXT, LAST_DAY).exception().getMessage().contains("truncated")) {
          notRetried.add(cut + ": " + new String(bytes, 0, cut, StandardCharsets.UTF_8));
        }
      }
      assertThat(notRetried).as("cuts not taken for a truncated answer").isEmpty();
      assertThat(classify(200, whole)).isNotInstanceOf(Rejection.class);
    }

    @Test
    void aGatewayPageIsNotJsonAndNotRetried() {
      Failure f = failure(classify(200, "<html>maintenance</html>"));

      assertThat(f.retry()).isEqualTo(Retry.NEVER);
      assertThat(f.exception())
          .hasMessageStartingWith("The response is not JSON (a gateway page?)")
          .hasMessageNotContaining("truncated");
    }

    @Test
    void anObjectWithoutCodeKeepsItsRequestId() {
      Failure f = failure(classify(200, "{\"request_id\":\"req-9\",\"message\":\"hm\"}"));

      assertThat(f.exception().requestId()).hasValue("req-9");
      assertThat(f.exception().apiCode()).isEmpty();
      assertThat(f.exception().getMessage()).contains("request_id=req-9");
    }

    @Test
    void aRateLimitSaysRetryAfterAndNothingAboutRetriesItCannotPromise() {
      Failure f = failure(classify(429, "120", ""));

      assertThat(f.exception())
          .hasMessageStartingWith(
              "Too many requests (HTTP 429, a rate limit; Retry-After: 120) with an empty body")
          .hasMessageNotContaining("retried");
      assertThat(f.retryAfter()).isEqualTo("120");
    }
  }

  @Nested
  class Excerpts {
    @Test
    void gatewayPageBecomesAShortSingleLineExcerpt() {
      String page =
          "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>"
              + "x".repeat(5000)
              + "</body></html>";
      var e = failure(classify(200, page)).exception();

      assertThat(e)
          .isInstanceOfSatisfying(
              UnexpectedResponseException.class,
              u -> {
                assertThat(u.excerpt())
                    .startsWith("<html> <head><title>502 Bad Gateway</title>")
                    .doesNotContain("\n");
                assertThat(u.excerpt().length()).isLessThanOrEqualTo(Redactor.LIMIT + 30);
              });
    }

    @Test
    void tokenEchoedByAGatewayIsRedacted() {
      String page =
          "<html>your header was: authorization: Bearer "
              + TOKEN
              + " and token "
              + TOKEN
              + "</html>";
      var e = failure(classify(502, page)).exception();

      assertThat(e.getMessage()).doesNotContain(TOKEN).contains("[redacted]");
    }

    @Test
    void emptyBodySaysSo() {
      var e = failure(classify(200, "")).exception();

      assertThat(e.getMessage()).contains("empty");
    }
  }

  @Nested
  class RequestsWithoutAnAnswer {
    static Stream<Arguments> failures() {
      return Stream.of(
          Arguments.of(new HttpTimeoutException("request timed out"), "timed out"),
          Arguments.of(new ConnectException("Connection refused"), "connect"),
          Arguments.of(new IOException("Connection reset"), "connection to the server failed"),
          Arguments.of(
              new EOFException("EOF reached while reading"), "connection to the server failed"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void ioFailuresAreRetryableTransportExceptions(IOException cause, String says) {
      Failure f = transport.of(cause, CONTEXT);

      assertThat(f.exception()).isExactlyInstanceOf(TransportException.class).hasCause(cause);
      assertThat(f.exception().getMessage()).doesNotContain("null");
      assertThat(f.exception().getMessage())
          .containsIgnoringCase(says)
          .contains("window=2024-01-01..2024-01-31");
      assertThat(f.retry()).isEqualTo(Retry.TRANSIENT);
    }

    @Test
    void anAnswerOverTheLimitIsAnUnexpectedResponseNotRetried() {
      byte[] start = ("<html>proxy page, echoing Bearer " + TOKEN + "</html>").getBytes(UTF_8);
      var tooLarge = new BoundedBody.TooLarge(1024, 1500, -1, 200, start);

      Failure f = transport.of(new HttpTransport.AttemptFailed("127.0.0.1:80", tooLarge), CONTEXT);

      assertThat(f.retry()).isEqualTo(Retry.NEVER);
      assertThat(f.exception())
          .isExactlyInstanceOf(UnexpectedResponseException.class)
          .hasMessageStartingWith(
              "The answer was larger than the limit of 1024 bytes: 1500 bytes had arrived when the"
                  + " client stopped reading it and its connection was closed. Not retried: the"
                  + " same answer would come again. If answers this large are expected, raise the"
                  + " limit with SpaceScope.builder().maxResponseBytes(...); body starts: <html>")
          .hasMessageContaining("window=2024-01-01..2024-01-31")
          .hasMessageContaining("http=200")
          .hasMessageNotContaining(TOKEN);
      assertThat(((UnexpectedResponseException) f.exception()).excerpt())
          .contains("[redacted]")
          .doesNotContain(TOKEN);
      assertThat(f.exception().httpStatus()).hasValue(200);
    }

    @Test
    void anAnnouncedLengthOverTheLimitSaysNothingWasRead() {
      var tooLarge = new BoundedBody.TooLarge(1024, 0, 5000, 503, null);

      Failure f = transport.of(tooLarge, CONTEXT);

      assertThat(f.retry()).isEqualTo(Retry.NEVER);
      assertThat(f.exception())
          .isExactlyInstanceOf(UnexpectedResponseException.class)
          .hasMessageStartingWith(
              "The answer announced 5000 bytes (Content-Length), more than the limit of 1024"
                  + " bytes: the client read none of it (0 bytes)")
          .hasMessageContaining("maxResponseBytes(...); body starts: (not read)");
      assertThat(f.exception().httpStatus()).hasValue(503);
    }
  }
}
