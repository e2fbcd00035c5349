package io.github.spacescopejava.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code request_id} of each answer, in the API's form: a UUID, {@code #} and a decimal number
 * ({@code <uuid>#<n>}, as in the docs' example responses). Unique per request of one fake: the
 * number counts the fake's requests from 1 and is never reset; the UUID is derived from that number
 * and the request, so a fake that receives the same requests in the same order gives the same ids
 * on every run.
 */
final class RequestIds {
  private final AtomicLong served = new AtomicLong();

  String next(IncomingRequest request) {
    long n = served.incrementAndGet();
    String seed = n + " " + request.canonical();
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)) + "#" + n;
  }
}
