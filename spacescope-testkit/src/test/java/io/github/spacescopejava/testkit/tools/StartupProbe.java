package io.github.spacescopejava.testkit.tools;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.spacescopejava.testkit.*;
import java.net.URI;
import java.net.http.*;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Measures the fake's start-up: cold (the first in a JVM, spec parsing included) and warm, and
 * whole test classes through the JUnit engine. A measuring tool, not a test: see
 * docs/measurements.md for the command.
 */
public final class StartupProbe {
  public static void main(String[] args) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 11; i++) {
      long t0 = System.nanoTime();
      try (SpaceScopeFake fake = SpaceScopeFake.builder().start()) {
        long ready = System.nanoTime();
        var r =
            http.send(
                HttpRequest.newBuilder(
                        URI.create(fake.baseUrl() + "/v2/power/network_storage_capacity"))
                    .header("authorization", "Bearer " + fake.token())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        long first = System.nanoTime();
        System.out.printf(
            "start %d: ready %.0f ms, first response %.0f ms (status %d)%n",
            i, (ready - t0) / 1e6, (first - ready) / 1e6, r.statusCode());
      }
    }
    // Whole test classes through the JUnit engine: beforeAll (start) .. afterAll (stop).
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      var results =
          EngineTestKit.engine("junit-jupiter").selectors(selectClass(Fixture.class)).execute();
      System.out.printf(
          "test class %d: %.0f ms, %d succeeded%n",
          i, (System.nanoTime() - t0) / 1e6, results.testEvents().succeeded().count());
    }
  }

  @SpaceScopeFakeTest
  public static class Fixture {
    @org.junit.jupiter.api.Test
    void one(SpaceScopeFake fake) {}
  }
}
