package io.github.spacescopejava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Redactor#text}: its shortcut for plain text gives what the full path gives. */
class RedactorTest {
  private static final String TOKEN = "tok-EN_1234.abc";
  private final Redactor redactor = new Redactor(TOKEN);

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "success|success",
        "0f0e2a6b-77c4-4c1e-9d5b-0d5a4b7a9c11#653|0f0e2a6b-77c4-4c1e-9d5b-0d5a4b7a9c11#653",
        "success.|success.",
        "a:b.c_d-e~f|a:b.c_d-e~f",
        // the token itself, alone or inside plain text
        "tok-EN_1234.abc|[redacted]",
        "id-tok-EN_1234.abc-x|id-[redacted]-x",
        // shapes of a bearer credential
        "Bearer xyz|Bearer [redacted]",
        "bearer%20xyz|Bearer [redacted]",
        "bearer+xyz|Bearer [redacted]",
        "\"a  b\t\nc \"|a b c",
        "\" padded \"|padded",
        "ünïcode|ünïcode",
      })
  void plainTextIsKeptAndEverythingElseIsCleaned(String in, String out) {
    assertThat(redactor.text(in)).isEqualTo(out).isEqualTo(redactor.full(in));
  }

  @ParameterizedTest(name = "{0} characters")
  @CsvSource({"199", "200", "201", "5000"})
  void longTextIsCutWhateverItsCharacters(int length) {
    String text = "a".repeat(length);

    assertThat(redactor.text(text)).isEqualTo(redactor.full(text));
    assertThat(redactor.text(text).length()).isLessThanOrEqualTo(Redactor.LIMIT + 30);
    assertThat(redactor.text(text).startsWith("a".repeat(Math.min(length, Redactor.LIMIT))))
        .isTrue();
  }
}
