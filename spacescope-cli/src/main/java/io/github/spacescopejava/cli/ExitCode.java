package io.github.spacescopejava.cli;

/**
 * The command's exit codes, one per kind of failure a script would branch on. Listed in {@code
 * --help}; the numbers are part of the command's contract.
 */
enum ExitCode {
  OK(0, "success"),
  DRIFT(1, "check: an answer has fields, types or codes that the spec lacks"),
  USAGE(2, "unknown option or command, missing or malformed argument"),
  BAD_INPUT(3, "invalid value: a date, a period, a provider id, a field"),
  UNKNOWN_NAME(4, "unknown endpoint or field name (the closest names are suggested)"),
  MISSING_TOKEN(5, "no API token: set SPACESCOPE_API_TOKEN or pass --token"),
  TOKEN_REFUSED(6, "the API refused the token: expired or malformed"),
  LIMIT(7, "quota, historical range or API limit reached (code 30001)"),
  NOT_READY(8, "the data asked for is not published yet (code 30004)"),
  REQUEST_REFUSED(9, "the API refused the parameters (code 30002)"),
  SERVER_ERROR(10, "the API failed (code 30003, HTTP 5xx) after retries"),
  NETWORK(11, "the API could not be reached, or the connection broke"),
  BAD_RESPONSE(12, "the API answered something that is not a valid answer"),
  OUTPUT(13, "the output file or database cannot be written"),
  LOCKED(14, "sync: another sync is writing the same database"),
  INTERNAL(70, "a bug in spacescope (rerun with --verbose and report it)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  int code() {
    return code;
  }

  String meaning() {
    return meaning;
  }
}
