package io.github.spacescopejava.client.event;

/**
 * One attempt of one window is about to be sent.
 *
 * @param operation the operation's path, such as {@code /v2/power/network_storage_capacity}
 * @param window the window, as in {@link CallPlanned#windows()}
 * @param attempt 1 for the first attempt, 2 for the first retry, ...
 */
public record AttemptSent(String operation, String window, int attempt) {}
