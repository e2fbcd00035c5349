package io.github.spacescopejava.client.internal;

import feign.Response;
import feign.codec.Decoder;

/**
 * The HTTP status and body size of the answer that Feign decodes for an attempt, for the {@code
 * AttemptAnswered} event. Feign's generated interface returns only the envelope, so the decoder
 * notes them for the attempt running on its own thread, which opened a slot (decision D60). Only
 * the events read it, and only while listeners are registered: it never changes what a call does.
 */
final class AnswerSizes {
  // [status, bytes]; -1 where not known.
  private static final ThreadLocal<long[]> SLOT = new ThreadLocal<>();

  private AnswerSizes() {}

  /** {@code decoder}, noting each answer's status and size in the slot of its thread, if open. */
  static Decoder noting(Decoder decoder) {
    return (response, type) -> {
      note(response);
      return decoder.decode(response, type);
    };
  }

  static void note(Response response) {
    long[] slot = SLOT.get();
    if (slot != null) {
      slot[0] = response.status();
      Integer length = response.body() == null ? Integer.valueOf(0) : response.body().length();
      slot[1] = length == null ? -1 : length;
    }
  }

  /** Opens this thread's slot for one attempt. */
  static long[] open() {
    long[] slot = {-1, -1};
    SLOT.set(slot);
    return slot;
  }

  /** Closes this thread's slot. */
  static void close() {
    SLOT.remove();
  }
}
