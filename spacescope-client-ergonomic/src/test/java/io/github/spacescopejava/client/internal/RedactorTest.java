package io.github.spacescopejava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Redactor#text}: plain text is kept; tokens, bearer credentials and long text are not. */
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
    assertThat(redactor.text(in)).isEqualTo(out);
  }

  @ParameterizedTest(name = "{1} x [{0}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "a|199",
        "a|200",
        "a|201",
        "a|5000",
        // non-ASCII, escapes, separators, whitespace and the token: each is cut like plain text
        "ü|201",
        "é-ü|1000",
        "%|300",
        "+|300",
        "#:|300",
        "\" a\"|300",
        "tok-EN_1234.abc|25",
        "x tok-EN_1234.abc|30",
      })
  void longTextIsCutWhateverItsCharacters(String unit, int repeats) {
    String text = unit.repeat(repeats);
    String out = redactor.text(text);

    assertThat(out).doesNotContain(TOKEN);
    String cut = "… (" + text.length() + " characters)";
    if (text.length() > Redactor.LIMIT) {
      assertThat(out).endsWith(cut).hasSize(Redactor.LIMIT + cut.length());
    } else {
      assertThat(out.length()).isLessThanOrEqualTo(Redactor.LIMIT);
    }
  }
}
