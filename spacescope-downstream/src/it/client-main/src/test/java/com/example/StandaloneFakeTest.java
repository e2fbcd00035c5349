package com.example;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Harness, not part of what a user writes: the standalone fake as the README starts it
 * ({@code java -jar spacescope-testkit-standalone.jar --port 0}), and {@link NetworkPower} run in a
 * JVM of its own on the class path the client alone gives an application.
 */
class StandaloneFakeTest {
  private static final String GUIDE_TOKEN = "ghp_xJtTSVcNRJINLWMmfDangcIFCjqPUNZenoVe";
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final String FAKE_JAR = "target/spacescope-testkit-standalone.jar";

  @Test
  void theMainFetchesFourYearsFromTheStandaloneFakeAndExitsZero() throws Exception {
    Process fake = new ProcessBuilder(JAVA, "-jar", FAKE_JAR, "--port", "0").start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(fake.getInputStream(), UTF_8));
      String banner = out.readLine(); // SpaceScope fake: 78 operations on http://127.0.0.1:<port> ...
      Matcher url = Pattern.compile(" on (http://[^ ]+) ").matcher(String.valueOf(banner));
      assertTrue(url.find(), "the fake's first line names its URL: " + banner);

      String classPath =
          "target/classes"
              + File.pathSeparator
              + Files.readString(Path.of("target/runtime.classpath")).trim();
      File stderr = new File("target/network-power.err");
      ProcessBuilder main =
          new ProcessBuilder(JAVA, "-cp", classPath, "com.example.NetworkPower", url.group(1))
              .redirectError(stderr);
      main.environment().put("SPACESCOPE_API_TOKEN", GUIDE_TOKEN);
      Process run = main.start();
      String output = new String(run.getInputStream().readAllBytes(), UTF_8);

      assertTrue(run.waitFor(120, SECONDS), output);
      String errors = Files.readString(stderr.toPath());
      assertEquals(0, run.exitValue(), output + errors);
      assertTrue(output.startsWith("1461 days; raw power on 2024-12-31: "), output + errors);
    } finally {
      fake.destroy();
      fake.waitFor(30, SECONDS);
    }
  }

  @Test
  void anyOperationOfTheCatalogThroughTheGenericCall() throws Exception {
    Process fake = new ProcessBuilder(JAVA, "-jar", FAKE_JAR, "--port", "0").start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(fake.getInputStream(), UTF_8));
      Matcher url = Pattern.compile(" on (http://[^ ]+) ").matcher(String.valueOf(out.readLine()));
      assertTrue(url.find());
      String classPath =
          "target/classes"
              + File.pathSeparator
              + Files.readString(Path.of("target/runtime.classpath")).trim();
      ProcessBuilder main =
          new ProcessBuilder(
                  JAVA,
                  "-cp",
                  classPath,
                  "com.example.AnyOperation",
                  url.group(1),
                  "power/network_storage_capacity",
                  "2024-12-01",
                  "2024-12-31")
              .redirectError(new File("target/any-operation.err"));
      main.environment().put("SPACESCOPE_API_TOKEN", GUIDE_TOKEN);
      Process run = main.start();
      String output = new String(run.getInputStream().readAllBytes(), UTF_8);
      assertTrue(run.waitFor(120, SECONDS), output);
      String errors = Files.readString(Path.of("target/any-operation.err"));
      assertEquals(0, run.exitValue(), output + errors);
      List<String> lines = output.lines().toList();
      assertEquals(
          "power/network_storage_capacity: DAY_RANGE, 90 days per request at most", lines.get(0));
      assertEquals("31 days of network storage capacity", lines.get(1));
      assertEquals(33, lines.size(), output);
      assertTrue(
          lines.get(2).startsWith("{stat_date=2024-12-01T00:00Z, total_qa_bytes_power="), output);
      assertTrue(lines.get(32).startsWith("{stat_date=2024-12-31T00:00Z, "), output);
    } finally {
      fake.destroy();
      fake.waitFor(30, SECONDS);
    }
  }

  @Test
  void theClientsRunTimeClassPathHasNoYamlLibrary() throws Exception {
    // The catalog and the parameter rules are generated at build time (issue 19): no YAML parser.
    String classPath = Files.readString(Path.of("target/runtime.classpath"));
    assertTrue(classPath.contains("spacescope-client-ergonomic"), classPath);
    for (String entry : classPath.trim().split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      assertTrue(
          !name.contains("yaml") && !name.contains("snakeyaml"),
          "a YAML library on the client's run-time class path: " + entry);
    }
  }

  @Test
  void aBusyPortIsOneLineOnStderrAndExitCode3() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Process fake =
          new ProcessBuilder(
                  JAVA, "-jar", FAKE_JAR, "--port", Integer.toString(taken.getLocalPort()))
              .start();
      String stderr = new String(fake.getErrorStream().readAllBytes(), UTF_8);
      assertTrue(fake.waitFor(60, SECONDS), stderr);

      assertEquals(3, fake.exitValue(), stderr);
      List<String> lines = stderr.lines().toList();
      assertEquals(1, lines.size(), stderr);
      assertEquals(
          "spacescope-fake: cannot listen on 127.0.0.1:"
              + taken.getLocalPort()
              + ": the port is already in use. Stop what holds it, or choose another with --port"
              + " (--port 0 picks a free one)",
          lines.get(0));
    }
  }
}
