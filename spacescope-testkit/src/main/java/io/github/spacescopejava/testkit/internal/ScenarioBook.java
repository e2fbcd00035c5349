package io.github.spacescopejava.testkit.internal;

import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The scenarios given to one fake, each with the count of requests it has selected. */
final class ScenarioBook {
  private final List<Entry> entries = new ArrayList<>();

  private static final class Entry {
    final Scenario scenario;
    final @Nullable String operationId;
    long seen;

    Entry(Scenario scenario, @Nullable String operationId) {
      this.scenario = scenario;
      this.operationId = operationId;
    }
  }

  /** What the scenarios decide for one request. */
  record Decision(@Nullable Fault fault, Duration delay) {
    static final Decision NONE = new Decision(null, Duration.ZERO);
  }

  /** Adds a scenario; {@code operationId} null selects every operation. */
  synchronized void add(Scenario scenario, @Nullable String operationId) {
    entries.add(new Entry(scenario, operationId));
  }

  synchronized void clear() {
    entries.clear();
  }

  /** Counts the request in every scenario that selects it, and returns their verdict. */
  synchronized Decision consult(String operationId) {
    if (entries.isEmpty()) {
      return Decision.NONE;
    }
    Fault fault = null;
    Duration delay = Duration.ZERO;
    for (Entry e : entries) {
      if (e.operationId != null && !e.operationId.equals(operationId)) {
        continue;
      }
      long k = e.seen++;
      Scenario s = e.scenario;
      boolean active =
          k >= s.afterRequests()
              && (s.times() == Scenario.ALWAYS || k - s.afterRequests() < s.times());
      if (!active) {
        continue;
      }
      if (s.fault().kind() == Fault.Kind.LATENCY) {
        delay = delay.plus(s.fault().duration());
      } else if (fault == null) {
        fault = s.fault();
      }
    }
    return new Decision(fault, delay);
  }
}
