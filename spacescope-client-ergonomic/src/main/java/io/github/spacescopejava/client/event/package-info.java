/**
 * What a client tells about its work while it runs: {@link
 * io.github.spacescopejava.client.event.SpaceScopeListener} receives one small immutable record per
 * step of a call (planned, each attempt sent, answered, retried or failed, the call failed). Pass
 * listeners to {@code SpaceScope.Builder.listener(...)}; {@code
 * io.github.spacescopejava.client.metrics.SpaceScopeMetrics} is one, for Micrometer (decision D60).
 */
@NullMarked
package io.github.spacescopejava.client.event;

import org.jspecify.annotations.NullMarked;
