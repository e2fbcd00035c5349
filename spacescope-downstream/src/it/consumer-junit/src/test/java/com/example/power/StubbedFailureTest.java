package com.example.power;

// tag::stubbed-failure[]
import static org.assertj.core.api.Assertions.assertThat;

import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.ServerException;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class StubbedFailureTest {
  /** Your code: a server failure becomes a line of the report instead of an exception. */
  static List<String> reportOrNotice(Supplier<List<String>> call) {
    try {
      return call.get();
    } catch (ServerException e) {
      return List.of("unavailable, request id " + e.requestId().orElse("?"));
    }
  }

  @Test
  void aServerFailureBecomesANotice() {
    // The client's exceptions are made with their public constructor and a RequestContext
    // (null for what the failure would not know); stub the client to throw one.
    RequestContext context =
        new RequestContext(
            "/v2/power/network_storage_capacity", null, "2024-01-01..2024-01-31",
            502, null, null, "req-42");
    Supplier<List<String>> stubbedCall =
        () -> {
          throw new ServerException("The server failed", context, null);
        };

    assertThat(reportOrNotice(stubbedCall)).containsExactly("unavailable, request id req-42");
  }
}
// end::stubbed-failure[]
