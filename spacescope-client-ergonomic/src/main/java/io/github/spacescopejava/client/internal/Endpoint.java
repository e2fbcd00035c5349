package io.github.spacescopejava.client.internal;

/**
 * What the internal layers (window planning, retries, error contexts) need of an operation: the
 * projection of the public {@code Operation} of the generated catalog, made once per operation by
 * its constructor, so that the internal package never imports the client's public types.
 *
 * @param path the request path
 * @param maxWindowDays the largest inclusive window one request may span; 0 when not ranged
 * @param allowsFutureDates whether rows may be dated after the latest published day
 */
public record Endpoint(String path, int maxWindowDays, boolean allowsFutureDates) {}
