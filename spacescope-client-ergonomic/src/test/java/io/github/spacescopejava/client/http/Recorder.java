package io.github.spacescopejava.client.http;

import io.github.spacescopejava.client.event.AttemptAnswered;
import io.github.spacescopejava.client.event.AttemptFailed;
import io.github.spacescopejava.client.event.AttemptRetried;
import io.github.spacescopejava.client.event.AttemptSent;
import io.github.spacescopejava.client.event.CallFailed;
import io.github.spacescopejava.client.event.CallPlanned;
import io.github.spacescopejava.client.event.SpaceScopeListener;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** A listener that keeps every event with the name of the thread it came on. */
final class Recorder implements SpaceScopeListener {
  /** One event and its thread. */
  record Heard(Record event, String thread) {}

  private final ConcurrentLinkedQueue<Heard> heard = new ConcurrentLinkedQueue<>();

  List<Heard> heard() {
    return List.copyOf(heard);
  }

  List<Record> events() {
    return heard().stream().map(Heard::event).toList();
  }

  <T extends Record> List<T> events(Class<T> type) {
    return events().stream().filter(type::isInstance).map(type::cast).toList();
  }

  private void add(Record event) {
    heard.add(new Heard(event, Thread.currentThread().getName()));
  }

  @Override
  public void callPlanned(CallPlanned event) {
    add(event);
  }

  @Override
  public void attemptSent(AttemptSent event) {
    add(event);
  }

  @Override
  public void attemptAnswered(AttemptAnswered event) {
    add(event);
  }

  @Override
  public void attemptRetried(AttemptRetried event) {
    add(event);
  }

  @Override
  public void attemptFailed(AttemptFailed event) {
    add(event);
  }

  @Override
  public void callFailed(CallFailed event) {
    add(event);
  }
}
