package io.github.spacescopejava.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link WindowTasks.rawQuery} is {@link URI#getRawQuery()} without the parse. */
class RawQueryTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080/v2/power/x?start_date=2024-01-01&end_date=2024-01-31",
        "http://127.0.0.1:8080/v2/power/x",
        "http://127.0.0.1:8080/v2/power/x?",
        "https://api.spacescope.io/v2/x?a=%20b&c=d%3De#frag",
        "https://api.spacescope.io/v2/x#frag",
        "https://api.spacescope.io/v2/x?a=1?b=2",
        "http://[::1]:9/v2/x?miner_id=f01234"
      })
  void agreesWithTheUriParser(String url) {
    assertThat(WindowTasks.rawQuery(url)).isEqualTo(URI.create(url).getRawQuery());
  }
}
