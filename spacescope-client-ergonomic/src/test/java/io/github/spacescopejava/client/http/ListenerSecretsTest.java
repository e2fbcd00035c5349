package io.github.spacescopejava.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.spacescopejava.client.AuthenticationException;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.event.AttemptAnswered;
import io.github.spacescopejava.client.event.AttemptFailed;
import io.github.spacescopejava.client.event.AttemptRetried;
import io.github.spacescopejava.client.event.CallFailed;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Events on a real socket: a server that echoes the token in its errors, and no event, field or
 * {@code toString} that shows it; the sizes the events report are the bytes the server sent.
 */
class ListenerSecretsTest {
  private static final String TOKEN = "zq7-Distinctive-Listener-Token-4711";
  private static final String PATH = "/v2/power/network_storage_capacity";
  private static final DateRange DAY = DateRange.day(LocalDate.of(2024, 6, 1));
  private static final RetryPolicy ONE_RETRY =
      RetryPolicy.builder()
          .maxAttempts(2)
          .initialBackoff(Duration.ofMillis(1))
          .maxBackoff(Duration.ofMillis(2))
          .jitter(RetryPolicy.Jitter.NONE)
          .build();

  /** An error envelope whose message echoes the credentials, as a careless proxy might. */
  private static String echoing(int code) {
    return Clients.errorEnvelope(
        code, "token " + TOKEN + " / Bearer " + TOKEN + " / " + encoded() + " refused");
  }

  private static String encoded() {
    return URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);
  }

  @Test
  void noEventShowsTheTokenAndAnswersReportTheBytesSent() throws Exception {
    String success = Clients.capacityRows("2024-06-01");
    AtomicInteger n = new AtomicInteger();
    Recorder recorder = new Recorder();
    try (TinyServer server =
            new TinyServer(
                r ->
                    switch (n.incrementAndGet()) {
                      // the first call: a 503 echoing the token, then the rows
                      case 1 ->
                          new TinyServer.Full(
                              503, Map.of("Content-Type", "application/json"), echoing(30003));
                      case 2 -> TinyServer.json(success);
                      // the second call: a 401 echoing it
                      default ->
                          new TinyServer.Full(
                              401, Map.of("Content-Type", "application/json"), echoing(10011));
                    });
        SpaceScope client =
            Clients.against(server)
                .token(TOKEN)
                .retryPolicy(ONE_RETRY)
                .listener(recorder)
                .build()) {
      assertThat(client.power().networkStorageCapacity(DAY)).hasSize(1);
      Throwable auth = catchThrowable(() -> client.power().networkStorageCapacity(DAY));
      assertThat(auth).isInstanceOf(AuthenticationException.class);
      // The server did see the token: what it echoes is a real leak to guard against.
      assertThat(server.received())
          .allSatisfy(r -> assertThat(r.header("Authorization")).contains(TOKEN));
    }

    assertThat(recorder.events(AttemptRetried.class)).hasSize(1);
    assertThat(recorder.events(AttemptFailed.class)).hasSize(1);
    assertThat(recorder.events(CallFailed.class)).hasSize(1);
    assertThat(recorder.events(AttemptAnswered.class))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.bytes()).isEqualTo(success.getBytes(StandardCharsets.UTF_8).length);
              assertThat(a.rows()).isEqualTo(1);
              assertThat(a.attempt()).isEqualTo(2);
            });
    List<String> shown = new ArrayList<>();
    for (Record event : recorder.events()) {
      shown.add(event.toString());
      for (RecordComponent c : event.getClass().getRecordComponents()) {
        Object value = c.getAccessor().invoke(event);
        shown.add(String.valueOf(value));
        if (value instanceof io.github.spacescopejava.client.SpaceScopeException e) {
          shown.add(stackTrace(e));
          shown.add(e.context().toString());
          shown.add(e.apiMessage().orElse(""));
        }
      }
    }
    assertThat(shown).hasSizeGreaterThan(recorder.events().size() * 3);
    assertThat(shown)
        .as("the server's echo reached the events, redacted")
        .anySatisfy(s -> assertThat(s).contains("refused"));
    assertThat(shown)
        .allSatisfy(s -> assertThat(s).doesNotContain(TOKEN).doesNotContain(encoded()));
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
