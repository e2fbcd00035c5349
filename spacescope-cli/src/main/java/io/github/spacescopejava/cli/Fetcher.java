package io.github.spacescopejava.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spacescopejava.client.SpaceScope;
import java.io.IOException;
import java.util.Iterator;
import java.util.stream.Stream;

/** Runs a {@link FetchRequest} through the client and hands each row over as it arrives. */
final class Fetcher {
  private Fetcher() {}

  /** Receives rows in order. */
  interface RowSink {
    void accept(ObjectNode row) throws IOException;
  }

  /**
   * Fetches every row of the request, updating {@code progress} as windows complete.
   *
   * @return the number of rows
   */
  static long fetch(SpaceScope client, FetchRequest request, Progress progress, RowSink sink)
      throws IOException {
    WindowTracker tracker = new WindowTracker(request.windowEnds());
    String dateField = request.operation().rowDateField();
    long count = 0;
    try (Stream<?> rows = RowSource.open(client, request)) {
      Iterator<?> it = rows.iterator();
      while (it.hasNext()) {
        ObjectNode row = Rows.tree(it.next());
        int done = Rows.instant(row, dateField).map(tracker::row).orElse(tracker.done());
        sink.accept(row);
        count++;
        progress.row(done);
      }
    }
    progress.finish(tracker.total());
    return count;
  }
}
