package io.github.spacescopejava.client;

import io.github.spacescopejava.client.internal.Sleeper;

/** Reaches the builder's package-private test seams from tests in other packages. */
public final class TestHooks {
  private TestHooks() {}

  /** {@code builder} with {@code sleeper} waiting between attempts instead of Thread.sleep. */
  @SuppressWarnings("exports") // tests only: Sleeper is internal, not exported
  public static SpaceScope.Builder sleeper(SpaceScope.Builder builder, Sleeper sleeper) {
    return builder.sleeper(sleeper);
  }
}
