package io.github.spacescopejava.testkit.internal;

import java.util.Objects;
import java.util.Set;

/**
 * The knobs of one fake.
 *
 * @param token the one valid token
 * @param expiredTokens tokens answered with 10012
 * @param providerPopulation how many providers a per-provider state-day endpoint returns without
 *     {@code miner_id}
 * @param dealPopulation how many deals a deal search without {@code deal_id} matches
 * @param requestLogLimit how many requests (and, apart, invalid requests) are kept; 0 keeps none
 * @param strictWindows hold windows to the docs' {@code x-max-window-days} rather than to {@code
 *     x-accepted-window-days}, what the live server is known to accept
 */
public record FakeSettings(
    String token,
    Set<String> expiredTokens,
    int providerPopulation,
    int dealPopulation,
    int requestLogLimit,
    boolean strictWindows) {

  public FakeSettings {
    Objects.requireNonNull(token, "token");
    if (token.isBlank() || token.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("token must be a non-empty string without spaces");
    }
    expiredTokens = Set.copyOf(expiredTokens);
    if (expiredTokens.contains(token)) {
      throw new IllegalArgumentException("the valid token cannot also be registered as expired");
    }
    if (providerPopulation < 0 || dealPopulation < 0 || requestLogLimit < 0) {
      throw new IllegalArgumentException(
          "providerPopulation, dealPopulation and requestLogLimit must be 0 or more");
    }
  }
}
