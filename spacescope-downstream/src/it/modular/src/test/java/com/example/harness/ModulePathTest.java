package com.example.harness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spacescopejava.testkit.SpaceScopeFake;
import io.github.spacescopejava.testkit.SpaceScopeFakeTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Harness: runs the application as a user runs a modular one, {@code java --module-path <the
 * application and its runtime dependencies> --module com.example.modular/com.example.modular.Main},
 * with no --add-modules, --add-opens or --add-reads, against the in-process fake.
 */
@SpaceScopeFakeTest(clock = "2025-01-02T21:00:00Z")
class ModulePathTest {
  @Test
  void theApplicationRunsOnTheModulePathWithNoExtraFlags(SpaceScopeFake fake) throws Exception {
    String modulePath =
        "target/classes"
            + File.pathSeparator
            + Files.readString(Path.of("target/runtime.classpath")).trim();
    ProcessBuilder app =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path",
                modulePath,
                "--module",
                "com.example.modular/com.example.modular.Main",
                fake.baseUrl())
            .redirectErrorStream(true);
    app.environment().put("SPACESCOPE_API_TOKEN", fake.token());
    Process run = app.start();
    String output = new String(run.getInputStream().readAllBytes(), UTF_8);

    assertTrue(run.waitFor(120, SECONDS), output);
    assertEquals(0, run.exitValue(), output);
    assertTrue(
        output.contains(
            "365 days in module com.example.modular with io.github.spacescopejava.client;"
                + " last 2021-12-31"),
        output);
    assertTrue(output.contains("refused: "), output);
    assertEquals(5, fake.requests().size(), fake.requests().toString());
  }
}
