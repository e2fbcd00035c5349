package io.github.spacescopejava.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The fake keeps what it reports (method, path, query, outcome) and nothing else: WireMock's
 * request journal, which would hold every request with its authorization header, is off.
 */
class NoTokenKeptTest {
  private static final String TOKEN = "ghp_tokenThatMustNotBeKept0123456789abcd";

  @Test
  void wireMocksJournalHoldsNoRequestAndNoToken() {
    try (SpaceScopeFake fake = SpaceScopeFake.builder().token(TOKEN).start()) {
      HttpResponse<byte[]> served =
          RawHttp.get(fake.baseUrl(), "/v2/power/network_storage_capacity", "Bearer " + TOKEN);
      assertThat(RawHttp.json(served).get("code").asInt()).isZero();

      HttpResponse<byte[]> journal = RawHttp.get(fake.baseUrl(), "/__admin/requests", null);
      String body = new String(journal.body(), StandardCharsets.UTF_8);

      assertThat(body).doesNotContain(TOKEN).doesNotContain("network_storage_capacity");
      assertThat(body).containsIgnoringCase("journal is disabled");
      assertThat(fake.requests())
          .singleElement()
          .satisfies(r -> assertThat(r.toString()).doesNotContain(TOKEN));
    }
  }

  @Test
  void theFakesOwnLogIsBoundedAndTheUnmatchedCountNeedsNoJournal() {
    try (SpaceScopeFake fake = SpaceScopeFake.builder().requestLogLimit(3).start()) {
      for (int i = 0; i < 5; i++) {
        RawHttp.get(fake, "/v2/power/network_storage_capacity");
      }
      assertThat(fake.requests()).hasSize(3);
      assertThat(fake.unmatchedCount()).isZero();
    }
  }
}
