package com.example.metrics;

// tag::listener-usage[]
import io.github.spacescopejava.client.event.AttemptAnswered;
import io.github.spacescopejava.client.event.AttemptRetried;
import io.github.spacescopejava.client.event.CallPlanned;
import io.github.spacescopejava.client.event.SpaceScopeListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps a line per step of each call; called on the client's threads, so thread-safe. */
public final class WindowLog implements SpaceScopeListener {
  private final List<String> lines = new CopyOnWriteArrayList<>();

  @Override
  public void callPlanned(CallPlanned e) {
    lines.add(e.operation() + ": " + e.windows().size() + " windows");
  }

  @Override
  public void attemptRetried(AttemptRetried e) {
    lines.add(e.window() + ": retry after " + e.delay().toMillis() + " ms (" + e.reason() + ")");
  }

  @Override
  public void attemptAnswered(AttemptAnswered e) {
    lines.add(e.window() + ": " + e.rows() + " rows, " + e.bytes() + " bytes");
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }
}
// end::listener-usage[]
