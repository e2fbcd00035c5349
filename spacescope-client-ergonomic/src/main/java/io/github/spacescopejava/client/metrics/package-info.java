/**
 * Micrometer meters for a client: {@link io.github.spacescopejava.client.metrics.SpaceScopeMetrics}
 * is a listener that records requests, retries, rows, bytes and API error codes in a {@code
 * MeterRegistry}. Micrometer is an optional dependency: only this package needs it, and a client
 * that is not given a {@code SpaceScopeMetrics} never loads it (decision D61).
 */
@NullMarked
package io.github.spacescopejava.client.metrics;

import org.jspecify.annotations.NullMarked;
