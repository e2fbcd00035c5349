package io.github.spacescopejava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a caller passes, what leaves the client is an {@link InvalidInputException} naming the
 * parameter: no bare NullPointerException, ArithmeticException or ValidationException.
 */
class TypedArgumentsTest {

  static Stream<Arguments> nullsAndExtremes() {
    return Stream.of(
        arguments("DateRange.parse(null)", (ThrowingCallable) () -> DateRange.parse(null), "range"),
        arguments("DateRange.day(null)", (ThrowingCallable) () -> DateRange.day(null), "day"),
        arguments("DateRange.month(null)", (ThrowingCallable) () -> DateRange.month(null), "month"),
        arguments(
            "DateRange.lastDays(3, null)",
            (ThrowingCallable) () -> DateRange.lastDays(3, null),
            "clock"),
        arguments(
            "DateRange.latestAvailableDay(null)",
            (ThrowingCallable) () -> DateRange.latestAvailableDay(null),
            "clock"),
        arguments(
            "DateRange.contains(null)",
            (ThrowingCallable) () -> DateRange.year(2024).contains(null),
            "day"),
        arguments("HourRange.parse(null)", (ThrowingCallable) () -> HourRange.parse(null), "range"),
        arguments("HourRange.day(null)", (ThrowingCallable) () -> HourRange.day(null), "day"),
        arguments(
            "HourRange.ofDays(null)", (ThrowingCallable) () -> HourRange.ofDays(null), "days"),
        arguments(
            "HourRange.rfc3339(null)", (ThrowingCallable) () -> HourRange.rfc3339(null), "instant"),
        arguments(
            "HourRange.of(Instant.MIN, ...)",
            (ThrowingCallable)
                () -> HourRange.of(Instant.MIN, Instant.parse("2022-07-01T00:00:00Z")),
            "range.start"),
        arguments(
            "HourRange.of(..., Instant.MAX)",
            (ThrowingCallable)
                () -> HourRange.of(Instant.parse("2022-07-01T00:00:00Z"), Instant.MAX),
            "range.end"),
        arguments(
            "readTimeout(Long.MAX_VALUE s)",
            (ThrowingCallable)
                () ->
                    SpaceScope.builder()
                        .token("t")
                        .readTimeout(Duration.ofSeconds(Long.MAX_VALUE))
                        .build(),
            "readTimeout"),
        arguments(
            "connectTimeout(Long.MAX_VALUE s)",
            (ThrowingCallable)
                () ->
                    SpaceScope.builder()
                        .token("t")
                        .connectTimeout(Duration.ofSeconds(Long.MAX_VALUE))
                        .build(),
            "connectTimeout"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nullsAndExtremes")
  void isAnInvalidInputExceptionNamingTheParameter(
      String what, ThrowingCallable call, String parameter) {
    assertThatThrownBy(call)
        .isExactlyInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(InvalidInputException.Violation::parameter)
                    .contains(parameter));
  }

  @Nested
  class BaseUrl {
    static Stream<Arguments> notABaseUrl() {
      return Stream.of(
          arguments("http://127.0.0.1:8080/?x=1", "without a query string"),
          arguments("http://127.0.0.1:8080/v2?x=1", "without a query string"),
          arguments("http://127.0.0.1:8080/#top", "without a fragment"),
          arguments("http://user:secret@127.0.0.1:8080", "without user information"),
          arguments("127.0.0.1:8080", "an absolute http(s) URL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notABaseUrl")
    void isRefusedWithTheReason(String url, String reason) {
      assertThatThrownBy(() -> SpaceScope.builder().token("t").baseUrl(url).build())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations())
                      .singleElement()
                      .satisfies(
                          v -> {
                            assertThat(v.parameter()).isEqualTo("baseUrl");
                            assertThat(v.accepted()).contains(reason);
                          }));
    }
  }

  @Nested
  class Token {
    @Test
    void aTokenWithAQuoteIsRefusedAsTheMessageSays() {
      assertThatThrownBy(() -> SpaceScope.builder().token("abc\"def").build())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(v -> assertThat(v.accepted()).contains("quotes"));
                assertThat(e.getMessage()).doesNotContain("abc\"def");
              });
    }

    @Test
    void aBearerPrefixGetsTheHintThatTheClientAddsIt() {
      assertThatThrownBy(() -> SpaceScope.builder().token("Bearer abcdef").build())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(
                        v -> assertThat(v.accepted()).contains("client adds the 'Bearer ' prefix"));
                assertThat(e.getMessage()).doesNotContain("abcdef");
              });
    }

    @Test
    void aConnectTimeoutWithAnHttpClientOfYourOwnIsRefused() {
      assertThatThrownBy(
              () ->
                  SpaceScope.builder()
                      .token("t")
                      .connectTimeout(Duration.ofSeconds(3))
                      .httpClient(java.net.http.HttpClient.newHttpClient())
                      .build())
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations())
                      .singleElement()
                      .satisfies(v -> assertThat(v.parameter()).isEqualTo("connectTimeout")));
    }
  }

  @Test
  void aHugeProviderIdIsNotEchoedWhole() {
    String huge = "f0" + "1".repeat(10_000);

    assertThatThrownBy(() -> ProviderId.of(huge))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.getMessage().length()).isLessThan(300);
              assertThat(e.getMessage()).contains("(10002 characters)");
            });
  }

  @Test
  void exceptionsKeepTheirContextThroughSerialization() throws Exception {
    RequestContext ctx =
        new RequestContext("/v2/x", "a=1", "2024-01-01..2024-01-31", 200, 30002, "bad", "req-1");
    for (SpaceScopeException e :
        new SpaceScopeException[] {
          new InvalidRequestException("refused", ctx, null),
          new UnexpectedResponseException("odd", "{...}", ctx, null),
          new AuthenticationException("no", "get a token", ctx, null),
          new LimitExceededException("limit", LimitExceededException.Kind.QUOTA, ctx, null),
          new DataNotReadyException("later", Instant.EPOCH, ctx, null),
          new InvalidInputException(new InvalidInputException.Violation("p", "v", "a")),
          new ClientClosedException("closed", ctx, null)
        }) {
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(e);
      }
      SpaceScopeException back;
      try (java.io.ObjectInputStream in =
          new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
        back = (SpaceScopeException) in.readObject();
      }
      assertThat(back.context()).isEqualTo(e.context());
      assertThat(back.requestId()).isEqualTo(e.requestId());
      assertThat(back.getMessage()).isEqualTo(e.getMessage());
    }
  }

  @Test
  void messagesCarryWhatTheJavadocPromises() {
    RequestContext ctx = new RequestContext("/v2/x", null, null, null, null, null, null);
    assertThat(new AuthenticationException("The token has expired", "get a new token", ctx, null))
        .hasMessageStartingWith("The token has expired: get a new token");
    assertThat(new UnexpectedResponseException("Not JSON", "<html>", ctx, null))
        .hasMessageContaining("body starts: <html>");
  }
}
