package io.github.spacescopejava.client.tools;

import com.sun.net.httpserver.HttpServer;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.SpaceScope;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The cost of a client's first moments in a fresh JVM: {@code build()}, then the first call (one
 * request), against the JDK's own tiny HTTP server so that no other library is loaded beforehand. A
 * measuring tool, not a test: see docs/measurements.md.
 */
public final class FirstCallProbe {
  private FirstCallProbe() {}

  public static void main(String[] args) throws Exception {
    byte[] answer =
        ("{\"request_id\":\"r-1\",\"code\":0,\"message\":\"success\",\"data\":[{\"stat_date\":"
                + "\"2024-06-01T00:00:00Z\",\"total_raw_bytes_power\":1}]}")
            .getBytes(StandardCharsets.UTF_8);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    try {
      java.lang.management.ThreadMXBean cpu =
          java.lang.management.ManagementFactory.getThreadMXBean();
      long c0 = cpu.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      SpaceScope client =
          SpaceScope.builder()
              .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
              .token("probe-token")
              .clock(Clock.fixed(Instant.parse("2025-01-02T00:00:00Z"), ZoneOffset.UTC))
              .build();
      long t1 = System.nanoTime();
      long c1 = cpu.getCurrentThreadCpuTime();
      int rows =
          client.power().networkStorageCapacity(DateRange.day(LocalDate.of(2024, 6, 1))).size();
      long t2 = System.nanoTime();
      long c2 = cpu.getCurrentThreadCpuTime();
      client.close();
      // Wall time suffers from a loaded machine; the calling thread's CPU time much less so.
      System.out.printf(
          "build() %d ms (cpu %d ms), first call %d ms (cpu %d ms), %d row%n",
          (t1 - t0) / 1_000_000,
          (c1 - c0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (c2 - c1) / 1_000_000,
          rows);
    } finally {
      server.stop(0);
    }
  }
}
