package io.github.spacescopejava.client.internal;

/**
 * What the client knows about one operation, read from the spec's vendor extensions by the
 * templates that generate the operation groups.
 *
 * @param path the request path
 * @param shape how the operation takes its dates
 * @param maxWindowDays the largest inclusive window one request may span; 0 when not ranged
 * @param allowsFutureDates whether rows may be dated after the latest published day
 */
public record Endpoint(String path, Shape shape, int maxWindowDays, boolean allowsFutureDates) {

  /** The four ways an operation takes its arguments ({@code x-shape} in the spec). */
  public enum Shape {
    DAY_RANGE("day-range"),
    HOURLY_RANGE("hourly-range"),
    STATE_DAY("state-day"),
    PAGED_SEARCH("paged-search");

    private final String wire;

    Shape(String wire) {
      this.wire = wire;
    }

    /** The spec's spelling, such as {@code day-range}. */
    public String wire() {
      return wire;
    }

    static Shape fromWire(String wire) {
      for (Shape s : values()) {
        if (s.wire.equals(wire)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown x-shape '" + wire + "' in the spec");
    }
  }

  public Endpoint {
    boolean ranged = shape == Shape.DAY_RANGE || shape == Shape.HOURLY_RANGE;
    if (ranged != maxWindowDays > 0) {
      throw new IllegalArgumentException(
          path
              + ": x-max-window-days must be positive exactly for ranged shapes, was "
              + maxWindowDays
              + " for "
              + shape.wire());
    }
  }

  /** Used by the generated operation groups. */
  public static Endpoint of(
      String path, String shape, int maxWindowDays, boolean allowsFutureDates) {
    return new Endpoint(path, Shape.fromWire(shape), maxWindowDays, allowsFutureDates);
  }
}
