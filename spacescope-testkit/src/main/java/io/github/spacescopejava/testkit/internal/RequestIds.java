package io.github.spacescopejava.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

  /** One MD5 per thread: looking the algorithm up for every request costs more than hashing. */
  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("MD5 is not available", e);
            }
          });

  String next(IncomingRequest request) {
    long n = served.incrementAndGet();
    String seed = n + " " + request.canonical();
    return nameUuid(seed.getBytes(StandardCharsets.UTF_8)) + "#" + n;
  }

  /** {@link UUID#nameUUIDFromBytes}, with the thread's digest. */
  static UUID nameUuid(byte[] name) {
    MessageDigest md5 = MD5.get();
    md5.reset();
    byte[] hash = md5.digest(name);
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x30); // version 3
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (hash[i] & 0xff);
      lsb = (lsb << 8) | (hash[i + 8] & 0xff);
    }
    return new UUID(msb, lsb);
  }
}
