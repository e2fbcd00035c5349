package io.github.spacescopejava.testkit;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which requests get a {@link Fault} instead of the normal reply: those to one operation (or to
 * every operation), skipping the first {@code afterRequests} of them, then {@code times} of them
 * (or all).
 *
 * <pre>{@code
 * Scenario.on("/v2/gas/network_base_fee").once(Fault.errorCode(30003));
 * Scenario.on("Power_networkStorageCapacity").times(2, Fault.connectionReset());
 * Scenario.onEveryOperation().afterRequests(100).always(Fault.errorCode(30001));
 * }</pre>
 *
 * <p>Each scenario counts the requests it selects, from the moment it is given to the fake.
 * Scenarios are consulted in the order they were given: latency adds up, and the first other fault
 * that applies is the answer. A scenario answers before the fake's own rules, so it applies to
 * requests whatever their token or parameters.
 *
 * @param operation a path such as {@code /v2/power/network_storage_capacity} or an operationId such
 *     as {@code Power_networkStorageCapacity}; null for every operation
 * @param fault what the selected requests get
 * @param afterRequests how many selected requests pass untouched first
 * @param times how many selected requests get the fault after those, {@link #ALWAYS} for all
 */
public record Scenario(@Nullable String operation, Fault fault, int afterRequests, int times) {
  /** {@code times} for a scenario that never runs out. */
  public static final int ALWAYS = Integer.MAX_VALUE;

  public Scenario {
    Objects.requireNonNull(fault, "fault");
    if (afterRequests < 0) {
      throw new IllegalArgumentException("afterRequests must be 0 or more, not " + afterRequests);
    }
    if (times < 1) {
      throw new IllegalArgumentException("times must be 1 or more, not " + times);
    }
  }

  /** Selects the requests to one operation: its path or its operationId. */
  public static Builder on(String operation) {
    return new Builder(Objects.requireNonNull(operation, "operation"));
  }

  /** Selects the requests to every operation of the spec. */
  public static Builder onEveryOperation() {
    return new Builder(null);
  }

  /** The first {@code requests} requests (to any operation) succeed; every later one gets 30001. */
  public static Scenario quotaExhaustedAfter(int requests) {
    return onEveryOperation().afterRequests(requests).always(Fault.errorCode(30001));
  }

  /**
   * The first {@code notReadyResponses} requests to the operation get 30004, the next ones data.
   */
  public static Scenario notReadyThenReady(String operation, int notReadyResponses) {
    return on(operation).times(notReadyResponses, Fault.errorCode(30004));
  }

  /** Builds a {@link Scenario}; the terminal methods say how many requests get the fault. */
  public static final class Builder {
    private final @Nullable String operation;
    private int afterRequests;

    private Builder(@Nullable String operation) {
      this.operation = operation;
    }

    /** Lets the first {@code requests} selected requests through untouched. */
    public Builder afterRequests(int requests) {
      this.afterRequests = requests;
      return this;
    }

    public Scenario once(Fault fault) {
      return times(1, fault);
    }

    public Scenario times(int times, Fault fault) {
      return new Scenario(operation, fault, afterRequests, times);
    }

    public Scenario always(Fault fault) {
      return new Scenario(operation, fault, afterRequests, ALWAYS);
    }
  }
}
