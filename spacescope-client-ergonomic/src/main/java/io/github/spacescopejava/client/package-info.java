/**
 * The ergonomic SpaceScope client: the types a caller touches. Validated value types ({@link
 * io.github.spacescopejava.client.DateRange}, {@link io.github.spacescopejava.client.HourRange},
 * {@link io.github.spacescopejava.client.ProviderId}), request and retry configuration, and one
 * unchecked exception per thing a caller would branch on.
 */
@NullMarked
package io.github.spacescopejava.client;

import org.jspecify.annotations.NullMarked;
