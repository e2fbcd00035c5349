package io.github.spacescopejava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpaceScopeBuilderTest {
  private static final String TOKEN = "ghp_notARealTokenButLongEnough123";

  private static SpaceScope.Builder builder() {
    return SpaceScope.Builder.withEnvironment(Map.of()).token(TOKEN);
  }

  static Stream<Arguments> badConfigurations() {
    return Stream.of(
        Arguments.of(
            "no token anywhere",
            (UnaryOperator<SpaceScope.Builder>) b -> SpaceScope.Builder.withEnvironment(Map.of()),
            "token",
            "token is required: pass token(...) or set SPACESCOPE_API_TOKEN"),
        Arguments.of(
            "blank token",
            (UnaryOperator<SpaceScope.Builder>) b -> b.token("  "),
            "token",
            "token is required"),
        Arguments.of(
            "token with a line break",
            (UnaryOperator<SpaceScope.Builder>) b -> b.token(TOKEN + "\n"),
            "token",
            "without spaces, quotes or line breaks"),
        Arguments.of(
            "token with its Bearer prefix",
            (UnaryOperator<SpaceScope.Builder>) b -> b.token("Bearer" + TOKEN),
            "token",
            "client adds the 'Bearer ' prefix"),
        Arguments.of(
            "relative base URL",
            (UnaryOperator<SpaceScope.Builder>) b -> b.baseUrl("api.spacescope.io"),
            "baseUrl",
            "absolute http(s) URL"),
        Arguments.of(
            "ftp base URL",
            (UnaryOperator<SpaceScope.Builder>) b -> b.baseUrl("ftp://api.spacescope.io"),
            "baseUrl",
            "absolute http(s) URL"),
        Arguments.of(
            "zero read timeout",
            (UnaryOperator<SpaceScope.Builder>) b -> b.readTimeout(Duration.ZERO),
            "readTimeout",
            "positive duration"),
        Arguments.of(
            "negative connect timeout",
            (UnaryOperator<SpaceScope.Builder>) b -> b.connectTimeout(Duration.ofSeconds(-1)),
            "connectTimeout",
            "positive duration"),
        Arguments.of(
            "no concurrency",
            (UnaryOperator<SpaceScope.Builder>) b -> b.maxConcurrentRequests(0),
            "maxConcurrentRequests",
            "1 to 64"),
        Arguments.of(
            "too much concurrency",
            (UnaryOperator<SpaceScope.Builder>) b -> b.maxConcurrentRequests(65),
            "maxConcurrentRequests",
            "1 to 64"),
        Arguments.of(
            "no response bytes",
            (UnaryOperator<SpaceScope.Builder>) b -> b.maxResponseBytes(0),
            "maxResponseBytes",
            "1 to 2147483639 bytes"),
        Arguments.of(
            "negative response bytes",
            (UnaryOperator<SpaceScope.Builder>) b -> b.maxResponseBytes(-1),
            "maxResponseBytes",
            "1 to 2147483639 bytes"),
        Arguments.of(
            "response bytes beyond one byte array",
            (UnaryOperator<SpaceScope.Builder>) b -> b.maxResponseBytes(Integer.MAX_VALUE - 7L),
            "maxResponseBytes",
            "1 to 2147483639 bytes"),
        Arguments.of(
            "null retry policy",
            (UnaryOperator<SpaceScope.Builder>) b -> b.retryPolicy(null),
            "retryPolicy",
            "RetryPolicy.defaults()"),
        Arguments.of(
            "null clock",
            (UnaryOperator<SpaceScope.Builder>) b -> b.clock(null),
            "clock",
            "Clock.systemUTC()"));
  }

  static Stream<Arguments> nullOptions() {
    return Stream.<UnaryOperator<SpaceScope.Builder>>of(
            b -> b.token(null),
            b -> b.baseUrl(null),
            b -> b.connectTimeout(null),
            b -> b.readTimeout(null),
            b -> b.retryPolicy(null),
            b -> b.clock(null),
            b -> b.httpClient(null),
            b -> b.logger(null),
            b -> b.listener(null))
        .map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("nullOptions")
  void everyOptionRefusesNullTheSameWay(UnaryOperator<SpaceScope.Builder> configure) {
    assertThatThrownBy(() -> configure.apply(builder()).build())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations()).hasSize(1);
              assertThat(e.violations().get(0).value()).isEqualTo("null");
            });
  }

  @Test
  void aNullOptionSetAgainWithAValueIsAccepted() {
    try (SpaceScope client =
        builder().connectTimeout(null).connectTimeout(Duration.ofSeconds(3)).build()) {
      assertThat(client).isNotNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigurations")
  void buildRejectsBadConfigurationNamingTheProperty(
      String what, UnaryOperator<SpaceScope.Builder> configure, String property, String accepted) {
    assertThatThrownBy(() -> configure.apply(builder()).build())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations())
                  .anySatisfy(
                      v -> {
                        assertThat(v.parameter()).isEqualTo(property);
                        assertThat(v.accepted()).contains(accepted);
                      });
              assertThat(e.getMessage()).doesNotContain(TOKEN);
            });
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {0, -1, Long.MIN_VALUE, 2147483640L})
  void maxResponseBytesOutOfRangeIsRefusedNamingTheOptionAndTheValue(long bytes) {
    assertThatThrownBy(() -> builder().maxResponseBytes(bytes).build())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "maxResponseBytes: "
                + bytes
                + " is not accepted; accepted: 1 to 2147483639 bytes (the largest byte array the"
                + " JVM allocates); default 67108864 (64 MiB)");
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 67108864, 2147483639L})
  void maxResponseBytesInRangeIsAccepted(long bytes) {
    try (SpaceScope client = builder().maxResponseBytes(bytes).build()) {
      assertThat(client).isNotNull();
    }
  }

  @Test
  void buildListsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                SpaceScope.Builder.withEnvironment(Map.of())
                    .baseUrl("nope")
                    .maxConcurrentRequests(0)
                    .build())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::parameter)
                    .containsExactly("token", "baseUrl", "maxConcurrentRequests"));
  }

  @Test
  void tokenComesFromTheEnvironmentWhenNotGiven() {
    try (SpaceScope client =
        SpaceScope.Builder.withEnvironment(Map.of("SPACESCOPE_API_TOKEN", TOKEN)).build()) {
      assertThat(client.toString()).doesNotContain(TOKEN).contains("https://api.spacescope.io");
    }
  }

  @Test
  void toStringNeverShowsTheToken() {
    try (SpaceScope client = builder().baseUrl("http://localhost:1/").build()) {
      assertThat(client.toString())
          .doesNotContain(TOKEN)
          .contains("baseUrl=http://localhost:1,")
          .contains("redacted");
    }
  }
}
