package io.github.spacescopejava.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fake's clock: fixed (settable, advanceable) or the system's, and the publication rule. A view
 * for the client under test: {@code instant()} always reads the current setting.
 */
public final class FakeClock extends Clock {
  /**
   * Day D is published at 21:00 UTC on day D+1: 21 hours after D ends. The spec states it ({@code
   * info.x-publication-delay}); this is the value where a spec does not.
   */
  static final Duration PUBLICATION_DELAY = Duration.ofHours(21);

  private final Duration publicationDelay;
  private final Setting initial;
  private final AtomicReference<Setting> current;

  /** The clock read is {@code base} moved by {@code offset}. */
  private record Setting(Clock base, Duration offset) {
    Instant now() {
      return base.instant().plus(offset);
    }
  }

  private FakeClock(Clock base, Duration publicationDelay) {
    if (publicationDelay.isNegative()) {
      throw new IllegalArgumentException("a publication delay cannot be negative");
    }
    this.publicationDelay = publicationDelay;
    this.initial = new Setting(base, Duration.ZERO);
    this.current = new AtomicReference<>(initial);
  }

  public static FakeClock fixedAt(Instant instant) {
    return fixedAt(instant, PUBLICATION_DELAY);
  }

  /** A stopped clock under which day D is published {@code publicationDelay} after D ends. */
  public static FakeClock fixedAt(Instant instant, Duration publicationDelay) {
    return new FakeClock(Clock.fixed(instant, ZoneOffset.UTC), publicationDelay);
  }

  public static FakeClock system() {
    return system(PUBLICATION_DELAY);
  }

  /** The system clock, under which day D is published {@code publicationDelay} after D ends. */
  public static FakeClock system(Duration publicationDelay) {
    return new FakeClock(Clock.systemUTC(), publicationDelay);
  }

  /** The latest day whose data is published at {@code now}. */
  public static LocalDate latestAvailableDay(Instant now) {
    return LocalDate.ofInstant(now.minus(PUBLICATION_DELAY), ZoneOffset.UTC).minusDays(1);
  }

  /** The instant day D is published. */
  public static Instant publicationOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(PUBLICATION_DELAY);
  }

  /** The latest day whose data is published now, under this clock's publication delay. */
  public LocalDate latestAvailableDay() {
    return LocalDate.ofInstant(instant().minus(publicationDelay), ZoneOffset.UTC).minusDays(1);
  }

  /** The instant day D is published under this clock's publication delay. */
  public Instant publication(LocalDate day) {
    return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(publicationDelay);
  }

  /** Stops the clock at {@code instant}. */
  public void set(Instant instant) {
    current.set(
        new Setting(
            Clock.fixed(Objects.requireNonNull(instant, "instant"), ZoneOffset.UTC),
            Duration.ZERO));
  }

  /** Moves the clock by {@code amount} (it keeps running if it was the system clock). */
  public void advance(Duration amount) {
    Objects.requireNonNull(amount, "amount");
    current.updateAndGet(s -> new Setting(s.base(), s.offset().plus(amount)));
  }

  /** Back to the clock the fake started with. */
  public void reset() {
    current.set(initial);
  }

  @Override
  public Instant instant() {
    return current.get().now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    FakeClock self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return self.withZone(other);
      }

      @Override
      public Instant instant() {
        return self.instant();
      }
    };
  }

  @Override
  public String toString() {
    return "FakeClock[" + instant() + "]";
  }
}
