package io.github.spacescopejava.sync;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a sync did, per operation, in the order they ran.
 *
 * @param run the run's id, as recorded in the database's {@code _spacescope_sync.runs} table
 * @param operations one entry per operation of the run
 */
public record SyncSummary(String run, List<OperationSummary> operations) {
  public SyncSummary {
    operations = List.copyOf(operations);
  }

  /** Requests sent (one per window; the client's retries are not counted). */
  public long requests() {
    return operations.stream().mapToLong(OperationSummary::requests).sum();
  }

  /**
   * Rows written: new rows, and rows whose values changed (a row fetched again as it was is not).
   */
  public long rowsWritten() {
    return operations.stream().mapToLong(OperationSummary::rowsWritten).sum();
  }

  /** Per operation, the last day committed, null where nothing is. */
  public Map<String, @Nullable LocalDate> syncedThrough() {
    Map<String, @Nullable LocalDate> through = new LinkedHashMap<>();
    operations.forEach(o -> through.put(o.operation(), o.syncedThrough()));
    return through;
  }

  /**
   * One operation's part of a run.
   *
   * @param operation the operation, such as {@code power/network_storage_capacity}
   * @param table the table, such as {@code power.network_storage_capacity}
   * @param requests requests sent by this run (one per window)
   * @param rowsWritten rows new or changed in this run
   * @param syncedThrough the last day committed after this run, or null
   * @param windowsLeft windows planned but not committed (non-zero only when the run stopped)
   */
  public record OperationSummary(
      String operation,
      String table,
      long requests,
      long rowsWritten,
      @Nullable LocalDate syncedThrough,
      int windowsLeft) {}
}
