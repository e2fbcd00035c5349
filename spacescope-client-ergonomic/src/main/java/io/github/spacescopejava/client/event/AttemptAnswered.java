package io.github.spacescopejava.client.event;

import java.time.Duration;

/**
 * An attempt got a usable answer (envelope code 0): the window is done.
 *
 * @param operation the operation's path, such as {@code /v2/power/network_storage_capacity}
 * @param window the window, as in {@link CallPlanned#windows()}
 * @param attempt which attempt of this window answered, from 1
 * @param httpStatus the HTTP status of the answer (200)
 * @param apiCode the envelope's code (0 for a success)
 * @param rows how many rows the answer held
 * @param bytes the size of the answer's body in bytes, as received; -1 if not known (a body whose
 *     length Feign did not report; the client's own transport always reports it)
 * @param duration from sending the request to the answer decoded
 */
public record AttemptAnswered(
    String operation,
    String window,
    int attempt,
    int httpStatus,
    int apiCode,
    int rows,
    long bytes,
    Duration duration) {}
