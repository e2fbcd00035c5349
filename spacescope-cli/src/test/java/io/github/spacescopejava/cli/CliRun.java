package io.github.spacescopejava.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Runs the command in this JVM, as the script would, and captures what it printed. */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(String... args) {
    return run(Map.of(), args);
  }

  static CliRun run(Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = new HashMap<>(environment);
    env.putIfAbsent(Cli.STDERR_TTY_ENV, "0");
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, env, o, e);
    }
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "exit "
        + exitCode
        + "\n--- stderr\n"
        + err
        + "--- stdout (start)\n"
        + out.substring(0, Math.min(out.length(), 2000));
  }
}
