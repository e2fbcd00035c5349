package io.github.spacescopejava.client.internal;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks a zero-based paged search lazily: page 0, 1, 2, ... one at a time, as the stream is
 * consumed, stopping after the first page shorter than the page size (an empty page included). A
 * full last page therefore costs one more request, which answers empty.
 */
final class Pager {
  private Pager() {}

  /** The rows of every page; {@code page} fetches one page by its number. */
  static <R> Stream<R> rows(int pageSize, IntFunction<List<R>> page) {
    Iterator<List<R>> pages =
        new Iterator<>() {
          private int next = 0;
          private boolean done = false;

          @Override
          public boolean hasNext() {
            return !done;
          }

          @Override
          public List<R> next() {
            if (done) {
              throw new NoSuchElementException();
            }
            List<R> got = page.apply(next++);
            if (got.size() < pageSize) {
              done = true;
            }
            return got;
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .flatMap(List::stream);
  }
}
