package io.github.spacescopejava.cli;

import org.jspecify.annotations.Nullable;

/**
 * A failure the command reports as one line on stderr, with its exit code. The message names the
 * problem and what to do about it, and never holds the token.
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  CliException(ExitCode exitCode, String message) {
    this(exitCode, message, null);
  }

  CliException(ExitCode exitCode, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  ExitCode exitCode() {
    return exitCode;
  }
}
