/**
 * Implementation details of the ergonomic client, named in the order of a call: {@code GroupCalls}
 * (what a group method calls: {@code RangeChecks}, windows, fan-out), {@code WindowTasks} (a task
 * per window, the call site that names the request), {@code FanOut}, {@code RetryLoop} and {@code
 * Backoff}, {@code HttpTransport} (send, with {@code Exchange}, {@code DeadlineWatchdog} and {@code
 * BoundedBody}), {@code EnvelopeDecoder} (decode), {@code FailureClassifier} and {@code
 * TransportFailures} (classify). Not part of the public API; it may change in any release.
 */
@NullMarked
package io.github.spacescopejava.client.internal;

import org.jspecify.annotations.NullMarked;
