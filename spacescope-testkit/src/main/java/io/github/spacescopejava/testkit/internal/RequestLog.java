package io.github.spacescopejava.testkit.internal;

import io.github.spacescopejava.testkit.RecordedRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The requests one fake received, oldest first. Bounded, so that a long-running standalone server
 * does not grow without end; requests that broke the spec are kept apart so that normal traffic
 * never pushes them out.
 */
final class RequestLog {
  private final int limit;
  private final Deque<RecordedRequest> all = new ArrayDeque<>();
  private final Deque<RecordedRequest> invalid = new ArrayDeque<>();

  RequestLog(int limit) {
    this.limit = limit;
  }

  synchronized void add(RecordedRequest r) {
    if (limit == 0) {
      return;
    }
    push(all, r);
    if (!r.valid()) {
      push(invalid, r);
    }
  }

  private void push(Deque<RecordedRequest> q, RecordedRequest r) {
    if (q.size() == limit) {
      q.removeFirst();
    }
    q.addLast(r);
  }

  synchronized List<RecordedRequest> all() {
    return List.copyOf(all);
  }

  synchronized List<RecordedRequest> invalid() {
    return List.copyOf(invalid);
  }

  synchronized void clear() {
    all.clear();
    invalid.clear();
  }
}
