package io.github.spacescopejava.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a {@link SpaceScopeFake} for the test class and injects it into test methods, constructors
 * and lifecycle methods that declare a {@code SpaceScopeFake} parameter.
 *
 * <pre>{@code
 * @SpaceScopeFakeTest
 * class NetworkPowerTest {
 *   @Test
 *   void readsThreeDays(SpaceScopeFake fake) {
 *     PowerApi power = GeneratedClients.create(PowerApi.class, fake.baseUrl(), fake.token());
 *     ...
 *   }
 * }
 * }</pre>
 *
 * <p>One server per test class (shared by its {@code @Nested} classes). Before each test the
 * scenarios, the recorded requests and the clock are reset; after each test, a request that did not
 * match the spec fails the test unless told otherwise.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SpaceScopeFakeExtension.class)
public @interface SpaceScopeFakeTest {
  /** The valid token; the guide's public test token by default. */
  String token() default SpaceScopeFake.GUIDE_TOKEN;

  /** Tokens answered with 10012. */
  String[] expiredTokens() default {};

  /** Where the clock starts, an ISO-8601 instant, or {@code "system"}. */
  String clock() default "2025-01-01T00:00:00Z";

  /** Providers returned by per-provider state-day endpoints without {@code miner_id}. */
  int providerPopulation() default SpaceScopeFake.DEFAULT_PROVIDER_POPULATION;

  /** Deals matched by a deal search without {@code deal_id}. */
  int dealPopulation() default SpaceScopeFake.DEFAULT_DEAL_POPULATION;

  /**
   * Hold windows to the docs' limit ({@code x-max-window-days}) instead of what the live server is
   * known to accept ({@code x-accepted-window-days}, the default).
   */
  boolean strictWindows() default false;

  /** Fail a test that sent a request the spec does not allow (unknown parameter, bad format). */
  boolean failOnInvalidRequests() default true;

  /** Fail a test that sent a request to a path or method that is not in the spec. */
  boolean failOnUnmatchedRequests() default true;
}
