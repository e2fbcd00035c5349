package io.github.spacescopejava.cli;

import io.github.spacescopejava.client.AuthenticationException;
import io.github.spacescopejava.client.DataNotReadyException;
import io.github.spacescopejava.client.InvalidInputException;
import io.github.spacescopejava.client.InvalidRequestException;
import io.github.spacescopejava.client.LimitExceededException;
import io.github.spacescopejava.client.ServerException;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.client.TransportException;
import io.github.spacescopejava.client.UnexpectedResponseException;
import java.util.stream.Collectors;

/**
 * Turns the client's exceptions into the command's one-line errors and exit codes: the one place
 * where that mapping lives.
 */
final class Failures {
  private Failures() {}

  static CliException of(SpaceScopeException e) {
    String where = e.getMessage() == null ? "" : oneLine(e.getMessage());
    if (e instanceof InvalidInputException invalid) {
      return new CliException(
          ExitCode.BAD_INPUT,
          invalid.violations().stream()
              .map(
                  v ->
                      option(v.parameter())
                          + ": "
                          + v.value()
                          + " is not accepted; accepted: "
                          + v.accepted())
              .collect(Collectors.joining("; ")),
          e);
    }
    if (e instanceof AuthenticationException auth) {
      return new CliException(
          ExitCode.TOKEN_REFUSED,
          "the API refused the token ("
              + e.apiCode().stream().mapToObj(c -> "code " + c).findFirst().orElse("HTTP 401")
              + "): "
              + auth.action()
              + "; set SPACESCOPE_API_TOKEN to a valid token or pass --token",
          e);
    }
    if (e instanceof LimitExceededException) {
      return new CliException(
          ExitCode.LIMIT,
          "the API's limit is reached: "
              + where
              + "; wait for the quota to reset, or ask for a shorter or more recent period",
          e);
    }
    if (e instanceof DataNotReadyException notReady) {
      return new CliException(
          ExitCode.NOT_READY,
          "the data is not published yet: "
              + where
              + notReady
                  .expectedAt()
                  .map(
                      t ->
                          "; it should be ready at " + t + ", retry then or end the period earlier")
                  .orElse("; retry later or end the period earlier"),
          e);
    }
    if (e instanceof InvalidRequestException) {
      return new CliException(
          ExitCode.REQUEST_REFUSED,
          "the API refused the request: " + where + "; check the arguments against the spec",
          e);
    }
    if (e instanceof ServerException) {
      return new CliException(
          ExitCode.SERVER_ERROR,
          "the API failed, also on retry: " + where + "; try again later",
          e);
    }
    if (e instanceof TransportException) {
      return new CliException(
          ExitCode.NETWORK,
          "the API could not be reached: " + where + "; check the network and --base-url",
          e);
    }
    if (e instanceof UnexpectedResponseException) {
      return new CliException(
          ExitCode.BAD_RESPONSE,
          "the API sent an answer that is not valid: "
              + where
              + "; retry, and run 'spacescope check' to see whether the API changed",
          e);
    }
    return new CliException(ExitCode.INTERNAL, where, e);
  }

  /** The command-line option behind a client parameter name. */
  static String option(String parameter) {
    return switch (parameter) {
      case "range.start", "period.start" -> "--from";
      case "range.end", "period.end" -> "--to";
      case "minerId" -> "--provider";
      case "token" -> "--token";
      case "baseUrl" -> "--base-url";
      default -> parameter;
    };
  }

  static String oneLine(String text) {
    return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
