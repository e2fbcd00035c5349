/**
 * The operation groups, one per tag of the spec ({@code PowerOperations}, {@code GasOperations},
 * ...), generated at build time from spec/spacescope.yaml. Reach them through {@link
 * io.github.spacescopejava.client.SpaceScope}'s accessors, such as {@code power()}.
 */
@NullMarked
package io.github.spacescopejava.client.api;

import org.jspecify.annotations.NullMarked;
