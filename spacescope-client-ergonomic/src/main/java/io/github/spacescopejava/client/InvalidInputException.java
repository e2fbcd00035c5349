package io.github.spacescopejava.client;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Arguments rejected before any request was sent. Lists every violation found, each naming the
 * parameter, the value given and what would be accepted.
 *
 * <pre>{@code
 * range.start: 2024-03-10 is not accepted; accepted: a day on or before range.end 2024-03-01
 * minerId: "f1abc" is not accepted; accepted: an ID address: f0 followed by digits, such as f0110804
 * }</pre>
 */
public final class InvalidInputException extends SpaceScopeException {
  private static final long serialVersionUID = 1L;

  private final List<Violation> violations;

  /** Creates the exception from one or more violations. */
  public InvalidInputException(List<Violation> violations) {
    super(message(violations), new RequestContext(null, null, null, null, null, null, null), null);
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an InvalidInputException needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  /** Creates the exception from one violation. */
  public InvalidInputException(Violation violation) {
    this(List.of(violation));
  }

  /** Every violation found, in the order of the parameters. */
  public List<Violation> violations() {
    return violations;
  }

  private static String message(List<Violation> violations) {
    return violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }

  /**
   * One rejected argument.
   *
   * @param parameter the parameter's name, such as {@code range.end} or {@code minerId}
   * @param value the value given, as text ({@code null} when it was missing)
   * @param accepted what would be accepted, in words
   */
  public record Violation(String parameter, String value, String accepted)
      implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public String toString() {
      return parameter + ": " + value + " is not accepted; accepted: " + accepted;
    }
  }
}
