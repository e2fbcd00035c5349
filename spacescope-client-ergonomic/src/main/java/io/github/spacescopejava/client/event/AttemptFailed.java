package io.github.spacescopejava.client.event;

import io.github.spacescopejava.client.SpaceScopeException;
import java.time.Duration;

/**
 * An attempt failed and its window is not tried again: the failure is not retryable, the retry
 * policy's attempts or time ran out, the caller was interrupted or the client closed. The call then
 * fails with this exception ({@link CallFailed}), unless it is a 30002 for a window of more than
 * one day or hour, which the client fetches again in halves.
 *
 * @param operation the operation's path, such as {@code /v2/power/network_storage_capacity}
 * @param window the window, as in {@link CallPlanned#windows()}
 * @param attempt the attempt that failed, from 1
 * @param exception the typed failure
 * @param duration from sending the request to the failure
 */
public record AttemptFailed(
    String operation,
    String window,
    int attempt,
    SpaceScopeException exception,
    Duration duration) {}
