package io.github.spacescopejava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spacescopejava.generated.SpaceScopeJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Set;

/** A fake engine without a server, and helpers to call it. */
final class Engines {
  static final String TOKEN = "token-of-the-tests";
  private static final ObjectMapper JSON = SpaceScopeJson.newObjectMapper();

  private Engines() {}

  static FakeEngine engine(ApiSpec spec, String clock) {
    return new FakeEngine(
        spec,
        new FakeSettings(TOKEN, Set.of(), 20, 30, 100, false),
        FakeClock.fixedAt(Instant.parse(clock)));
  }

  static FakeEngine engine(String clock) {
    return engine(ApiSpec.bundled(), clock);
  }

  static Reply get(FakeEngine engine, String target) {
    return engine.handle(IncomingRequest.of("GET", target, "Bearer " + TOKEN, null));
  }

  static JsonNode json(Reply reply) {
    try {
      return JSON.readTree(reply.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
