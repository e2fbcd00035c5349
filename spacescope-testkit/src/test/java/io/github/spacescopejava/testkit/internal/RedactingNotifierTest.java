package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactingNotifierTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "authorization: Bearer ghp_secret123",
        "Authorization: Bearer ghp_secret123\nAccept: */*",
        "{\"authorization\" : \"Bearer ghp_secret123\"}",
        "AUTHORIZATION=ghp_secret123"
      })
  void authorizationValuesNeverReachTheLog(String message) {
    assertThat(RedactingNotifier.redact(message))
        .doesNotContain("ghp_secret123")
        .contains("[redacted]");
  }
}
