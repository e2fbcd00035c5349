package io.github.spacescopejava.client.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * A body handler that reads an answer into one {@code byte[]}, as the JDK's {@code
 * BodyHandlers.ofByteArray()} does, but refuses more than {@code maxBytes} (decision D44): an
 * answer whose {@code Content-Length} already says more is not read at all, and one that grows past
 * the limit while it arrives is stopped there. Both cancel the body's subscription, which makes the
 * JDK client close the connection instead of reading the rest, and fail the exchange with {@link
 * TooLarge}.
 *
 * <p>On the normal path it costs what {@code ofByteArray} costs: the buffers the JDK hands over are
 * kept in a list (one addition per buffer to count them, nothing per byte) and copied once into the
 * result at the end.
 */
final class BoundedBody implements HttpResponse.BodyHandler<byte[]> {
  /** The largest array the JVM allocates reliably, the most one answer's bytes can fill. */
  static final long MAX_LIMIT = Integer.MAX_VALUE - 8;

  /** How much of the refused answer's start is kept, for the exception's excerpt. */
  private static final int START = 64 * 1024;

  private final long maxBytes;

  /**
   * @param maxBytes the most bytes one answer's body may have, 1 to {@link #MAX_LIMIT}
   */
  BoundedBody(long maxBytes) {
    if (maxBytes < 1 || maxBytes > MAX_LIMIT) {
      throw new IllegalArgumentException("maxBytes " + maxBytes + " is not 1 to " + MAX_LIMIT);
    }
    this.maxBytes = maxBytes;
  }

  long maxBytes() {
    return maxBytes;
  }

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    OptionalLong declared;
    try {
      declared = info.headers().firstValueAsLong("Content-Length");
    } catch (NumberFormatException e) {
      // Not a number the JDK would frame a body by; the bytes that come are counted.
      declared = OptionalLong.empty();
    }
    if (declared.isPresent() && declared.getAsLong() > maxBytes) {
      return new Refused(new TooLarge(maxBytes, 0, declared.getAsLong(), info.statusCode(), null));
    }
    return new Counting(maxBytes, info.statusCode());
  }

  /**
   * The answer had more bytes than the limit, or said it would. The message is the transport's; the
   * error mapper turns this into the exception the caller sees.
   */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final long limit;
    private final long arrived;
    private final long declared;
    private final int status;
    private final byte[] start;

    /**
     * @param limit the limit that was passed
     * @param arrived the body's bytes received when reading stopped
     * @param declared the answer's {@code Content-Length}, or -1 when it sent none
     * @param status the answer's HTTP status
     * @param start the first bytes received (up to 64 KiB), or null when none were read
     */
    TooLarge(long limit, long arrived, long declared, int status, byte @Nullable [] start) {
      super(
          declared > limit
              ? "Content-Length " + declared + " is over the limit of " + limit + " bytes"
              : arrived + " bytes arrived, over the limit of " + limit + " bytes");
      this.limit = limit;
      this.arrived = arrived;
      this.declared = declared;
      this.status = status;
      this.start = start == null ? new byte[0] : start;
    }

    long limit() {
      return limit;
    }

    long arrived() {
      return arrived;
    }

    /** Whether the answer's {@code Content-Length} was over the limit, so nothing was read. */
    boolean declaredOverLimit() {
      return declared > limit;
    }

    long declared() {
      return declared;
    }

    int status() {
      return status;
    }

    byte[] start() {
      return start.clone();
    }

    /** The {@code TooLarge} in {@code t}'s causes (the JDK wraps what a subscriber fails with). */
    static @Nullable TooLarge in(@Nullable Throwable t) {
      for (int depth = 0; t != null && depth < 8; depth++, t = t.getCause()) {
        if (t instanceof TooLarge found) {
          return found;
        }
      }
      return null;
    }
  }

  /** Refuses the body without reading it. */
  private static final class Refused implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final TooLarge failure;

    Refused(TooLarge failure) {
      this.failure = failure;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.cancel();
      result.completeExceptionally(failure);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
      // Nothing was requested; anything the JDK had already read is dropped.
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      result.completeExceptionally(failure);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }
  }

  /**
   * Collects the body's buffers while counting their bytes; cancels once they pass the limit. The
   * JDK calls {@code onSubscribe}, {@code onNext}, {@code onError} and {@code onComplete} one at a
   * time (the Flow contract), so the list needs no lock; the result is read through the future.
   */
  private static final class Counting implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final int status;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final List<ByteBuffer> received = new ArrayList<>();
    private long count;
    private Flow.@Nullable Subscription subscription;

    Counting(long limit, int status) {
      this.limit = limit;
      this.status = status;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      if (subscription != null) {
        s.cancel();
        return;
      }
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return; // cancelled: buffers still in flight are dropped
      }
      for (ByteBuffer b : items) {
        count += b.remaining();
        received.add(b);
      }
      if (count > limit) {
        byte[] start = start(received, count);
        received.clear();
        if (subscription != null) {
          subscription.cancel();
        }
        result.completeExceptionally(new TooLarge(limit, count, -1, status, start));
      }
    }

    @Override
    public void onError(Throwable throwable) {
      received.clear();
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      if (result.isDone()) {
        return;
      }
      // count <= limit <= MAX_LIMIT here: it fits an array.
      byte[] out = new byte[(int) count];
      int at = 0;
      for (ByteBuffer b : received) {
        int n = b.remaining();
        b.get(out, at, n);
        at += n;
      }
      received.clear();
      result.complete(out);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    private static byte[] start(List<ByteBuffer> buffers, long count) {
      byte[] out = new byte[(int) Math.min(START, count)];
      int at = 0;
      for (ByteBuffer b : buffers) {
        if (at == out.length) {
          break;
        }
        int n = Math.min(b.remaining(), out.length - at);
        b.duplicate().get(out, at, n);
        at += n;
      }
      return out;
    }
  }
}
