package com.example.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.spacescopejava.client.AuthenticationException;
import io.github.spacescopejava.client.ClientClosedException;
import io.github.spacescopejava.client.DataNotReadyException;
import io.github.spacescopejava.client.InvalidInputException;
import io.github.spacescopejava.client.InvalidRequestException;
import io.github.spacescopejava.client.LimitExceededException;
import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.ServerException;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.client.TransportException;
import io.github.spacescopejava.client.UnexpectedResponseException;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every exception of a call is constructible from outside the client's packages the one documented
 * way (its public constructor and a {@link RequestContext} from the record's constructor), and
 * reports to the code that catches it exactly the context it was given.
 */
class ConstructibleExceptionsTest {
  private static final RequestContext CONTEXT =
      new RequestContext(
          "/v2/power/network_storage_capacity",
          "start_date=2024-01-01&end_date=2024-01-31",
          "2024-01-01..2024-01-31",
          502,
          30003,
          "internal error",
          "req-42");

  static List<SpaceScopeException> everyKind() {
    return List.of(
        new AuthenticationException("The token was refused", "get a new token", CONTEXT, null),
        new LimitExceededException("quota", LimitExceededException.Kind.QUOTA, CONTEXT, null),
        new InvalidRequestException("refused", CONTEXT, null),
        new DataNotReadyException("not yet", Instant.parse("2024-02-01T21:00:00Z"), CONTEXT, null),
        new ServerException("failed", CONTEXT, null),
        new TransportException("reset", CONTEXT, new java.io.IOException("reset")),
        new UnexpectedResponseException("Not JSON", "<html>", CONTEXT, null),
        new ClientClosedException("closed", CONTEXT, null));
  }

  @ParameterizedTest
  @MethodSource("everyKind")
  void everyFailureOfACallIsConstructibleWithTheContextYourCodeReads(SpaceScopeException e) {
    Supplier<List<String>> stub =
        () -> {
          throw e;
        };

    assertThatThrownBy(stub::get)
        .isSameAs(e)
        .hasMessageContaining("endpoint=/v2/power/network_storage_capacity")
        .hasMessageContaining("request_id=req-42");
    assertThat(e.context()).isEqualTo(CONTEXT);
    assertThat(e.endpoint()).hasValue("/v2/power/network_storage_capacity");
    assertThat(e.window()).hasValue("2024-01-01..2024-01-31");
    assertThat(e.httpStatus()).hasValue(502);
    assertThat(e.apiCode()).hasValue(30003);
    assertThat(e.apiMessage()).hasValue("internal error");
    assertThat(e.requestId()).hasValue("req-42");
  }

  @Test
  void badArgumentsAreConstructibleFromTheirViolations() {
    InvalidInputException e =
        new InvalidInputException(
            new InvalidInputException.Violation("range.end", "2019-01-01", "a day on or after"));

    assertThat(e.violations()).extracting(InvalidInputException.Violation::parameter)
        .containsExactly("range.end");
    assertThat(e.getMessage()).contains("range.end").contains("2019-01-01");
    assertThat(e.endpoint()).isEmpty();
  }
}
