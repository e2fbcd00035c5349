package io.github.spacescopejava.client.constraints;

import jakarta.validation.groups.Default;

/**
 * The validation group of {@link AvailableByNow}: the checks that depend on the current time.
 *
 * <p>It extends {@link Default}, so validating this group checks every rule of a range:
 *
 * <pre>{@code
 * validator.validate(range, AvailabilityChecks.class); // all rules, availability included
 * validator.validate(range);                            // structural rules only, no clock
 * }</pre>
 *
 * <p>Leave it out for endpoints whose rows may be dated in the future (those marked {@code
 * x-allows-future-dates}, such as sector expirations), or when validating ranges for later use.
 */
public interface AvailabilityChecks extends Default {}
