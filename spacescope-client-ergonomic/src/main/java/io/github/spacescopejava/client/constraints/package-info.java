/**
 * Bean Validation constraints for the client's range types, so that a caller's own validator checks
 * the same rules the client does: {@link
 * io.github.spacescopejava.client.constraints.OnOrAfterMainnet} and {@link
 * io.github.spacescopejava.client.constraints.AvailableByNow} (the latter in its own group, {@link
 * io.github.spacescopejava.client.constraints.AvailabilityChecks}).
 */
@NullMarked
package io.github.spacescopejava.client.constraints;

import org.jspecify.annotations.NullMarked;
