package io.github.spacescopejava.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The options every command takes, before or after the command's name. */
final class GlobalOptions {
  @Option(
      names = "--fake",
      scope = ScopeType.INHERIT,
      description =
          "Run against the testkit's fake SpaceScope, started in this process: no token, no"
              + " network, synthetic data.")
  boolean fake;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      scope = ScopeType.INHERIT,
      description =
          "The API token. Default: the SPACESCOPE_API_TOKEN environment variable, which keeps it"
              + " out of the process list.")
  @Nullable String token;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      scope = ScopeType.INHERIT,
      description = "The API's base URL. Default: https://api.spacescope.io.")
  @Nullable String baseUrl;

  @Option(
      names = {"-q", "--quiet"},
      scope = ScopeType.INHERIT,
      description = "No progress bar.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Log requests and retries to stderr, and show the stack trace of a failure.")
  boolean verbose;
}
