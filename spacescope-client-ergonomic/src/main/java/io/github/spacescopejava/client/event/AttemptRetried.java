package io.github.spacescopejava.client.event;

import io.github.spacescopejava.client.SpaceScopeException;
import java.time.Duration;

/**
 * An attempt failed in a way the retry policy retries; the same window is sent again after {@code
 * delay}.
 *
 * @param operation the operation's path, such as {@code /v2/power/network_storage_capacity}
 * @param window the window, as in {@link CallPlanned#windows()}
 * @param attempt the attempt that failed, from 1 (the next one is {@code attempt + 1})
 * @param reason why it is retried
 * @param delay how long the client waits before the next attempt
 * @param failure what the attempt failed with (the caller does not see it unless the window fails
 *     later with it)
 * @param duration from sending the request to the failure
 */
public record AttemptRetried(
    String operation,
    String window,
    int attempt,
    RetryReason reason,
    Duration delay,
    SpaceScopeException failure,
    Duration duration) {}
