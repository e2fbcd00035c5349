package io.github.spacescopejava.client.event;

import io.github.spacescopejava.client.SpaceScopeException;

/**
 * A call failed after it was planned: {@code exception} is exactly what the caller receives (for a
 * stream, what its iteration throws). Its other windows were cancelled.
 *
 * @param operation the operation's path, such as {@code /v2/power/network_storage_capacity}
 * @param exception the exception the caller receives
 */
public record CallFailed(String operation, SpaceScopeException exception) {}
