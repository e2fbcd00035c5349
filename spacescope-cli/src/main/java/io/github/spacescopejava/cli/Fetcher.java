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
   * Fetches every row of the request. Progress is told by the client itself, to the listener of the
   * connection ({@link Connection#listen}).
   *
   * @return the number of rows
   */
  static long fetch(SpaceScope client, FetchRequest request, RowSink sink) throws IOException {
    long count = 0;
    try (Stream<?> rows = RowSource.open(client, request)) {
      Iterator<?> it = rows.iterator();
      while (it.hasNext()) {
        sink.accept(Rows.tree(it.next()));
        count++;
      }
    }
    return count;
  }
}
