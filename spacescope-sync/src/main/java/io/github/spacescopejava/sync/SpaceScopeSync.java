package io.github.spacescopejava.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.spacescopejava.client.DataNotReadyException;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.DealSearch;
import io.github.spacescopejava.client.SpaceScope;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.sync.SyncSummary.OperationSummary;
import io.github.spacescopejava.sync.internal.Catalog;
import io.github.spacescopejava.sync.internal.OperationSpec;
import io.github.spacescopejava.sync.internal.Planner;
import io.github.spacescopejava.sync.internal.RowSource;
import io.github.spacescopejava.sync.internal.Shape;
import io.github.spacescopejava.sync.internal.Store;
import io.github.spacescopejava.sync.internal.TableLayout;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;

/**
 * Keeps a local copy of SpaceScope in a DuckDB file, one table per operation, derived from the
 * spec, every value exact; each run fetches only what is new since the last one (and the last
 * {@linkplain Builder#lookbackDays lookback} days again, for late revisions).
 *
 * <pre>{@code
 * try (SpaceScope client = SpaceScope.builder().build()) {
 *   SyncSummary summary =
 *       SpaceScopeSync.builder()
 *           .client(client)
 *           .database(Path.of("spacescope.duckdb"))
 *           .from(LocalDate.of(2024, 1, 1))
 *           .build()
 *           .sync(List.of("power/network_storage_capacity"));
 * }
 * }</pre>
 *
 * <p>Each window's rows and the state that records them are one transaction (D51): a run killed at
 * any moment and started again ends with the tables a clean run gives. A second sync of the same
 * database stops at once with {@link SyncException.Kind#LOCKED}. A failure of the API (quota 30001
 * included) stops the run with {@link SyncException.Kind#API}, every window committed before it
 * kept; 30004 for the newest day ends that operation at the day before, without error.
 */
public final class SpaceScopeSync {
  /** The default lookback: the last 3 committed days are fetched again on every run (D52). */
  public static final int DEFAULT_LOOKBACK_DAYS = 3;

  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(java.time.ZoneOffset.UTC);

  private final SpaceScope client;
  private final Path database;
  private final Clock clock;
  private final int lookbackDays;
  private final @Nullable LocalDate from;
  private final @Nullable LocalDate to;
  private final SyncListener listener;
  private final int concurrency;
  private final @Nullable DealSearch dealSearch;
  private final Catalog catalog;

  private SpaceScopeSync(Builder b) {
    this.client = Objects.requireNonNull(b.client, "client");
    this.database = Objects.requireNonNull(b.database, "database");
    this.clock = b.clock;
    this.lookbackDays = b.lookbackDays;
    this.from = b.from;
    this.to = b.to;
    this.listener = b.listener;
    this.concurrency = b.concurrency;
    this.dealSearch = b.dealSearch;
    this.catalog = Catalog.bundled();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * The operations a sync without names takes: every day-range operation of the spec that is not
   * deprecated, by name ({@code power/network_storage_capacity}).
   */
  public static List<String> defaultOperations() {
    return Catalog.bundled().defaults().stream().map(OperationSpec::name).toList();
  }

  /**
   * How many requests a sync of {@code operations} would send now, per operation, without sending
   * any: for per-provider operations (one request per day) shown before starting.
   */
  public List<OperationSummary> plan(List<String> operations) {
    List<OperationSpec> ops = resolve(operations);
    try (Store store = Store.open(database.toString(), false)) {
      List<OperationSummary> plan = new ArrayList<>();
      for (OperationSpec op : ops) {
        LocalDate through = store.syncedThrough(op.name());
        int requests =
            wholeSeries(op) || op.shape() == Shape.PAGED_SEARCH ? 1 : windows(op, through).size();
        plan.add(
            new OperationSummary(
                op.name(), op.schema() + "." + op.table(), requests, 0, through, requests));
      }
      return plan;
    } catch (SQLException e) {
      throw database(e, null);
    }
  }

  /**
   * Brings the tables of {@code operations} up to date (every {@linkplain #defaultOperations()
   * default operation} when empty). Operations are named by path without the version ({@code
   * power/network_storage_capacity}), operationId or client name ({@code
   * power.networkStorageCapacity}).
   *
   * @throws SyncException when the run cannot go on; what was committed stays
   * @throws IllegalArgumentException for an unknown operation, or the paged deal search without
   *     {@linkplain Builder#dealSearch a search}
   */
  public SyncSummary sync(List<String> operations) {
    List<OperationSpec> ops = resolve(operations);
    String run =
        RUN_ID.format(Instant.now(clock)) + "-" + UUID.randomUUID().toString().substring(0, 8);
    Path lockFile = database.resolveSibling(database.getFileName() + ".lock");
    try (FileChannel channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel)) {
      if (lock == null) {
        throw locked(null);
      }
      Store store;
      try {
        store = Store.open(database.toString(), false);
      } catch (SQLException e) {
        throw String.valueOf(e.getMessage()).contains("lock") ? locked(e) : database(e, null);
      }
      try (store) {
        return run(store, run, ops);
      }
    } catch (IOException e) {
      throw new SyncException(
          SyncException.Kind.DATABASE,
          "cannot lock "
              + lockFile
              + ": "
              + e.getMessage()
              + "; check the directory and permissions",
          null,
          e);
    } catch (SQLException e) {
      throw database(e, null);
    }
  }

  private SyncSummary run(Store store, String run, List<OperationSpec> ops) throws SQLException {
    store.runStarted(run, ops.stream().map(OperationSpec::name).toList());
    List<OperationSummary> done = new ArrayList<>();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            concurrency,
            r -> {
              Thread t = new Thread(r, "spacescope-sync");
              t.setDaemon(true);
              return t;
            });
    try {
      for (int i = 0; i < ops.size(); i++) {
        OperationSpec op = ops.get(i);
        Progress progress = new Progress(op, store.syncedThrough(op.name()));
        try {
          syncOperation(store, pool, run, op, progress);
          done.add(progress.summary(0));
        } catch (RuntimeException e) {
          done.add(progress.summary(progress.left));
          for (OperationSpec rest : ops.subList(i + 1, ops.size())) {
            LocalDate through = store.syncedThrough(rest.name());
            done.add(
                new OperationSummary(
                    rest.name(),
                    rest.schema() + "." + rest.table(),
                    0,
                    0,
                    through,
                    wholeSeries(rest) || rest.shape() == Shape.PAGED_SEARCH
                        ? 1
                        : windows(rest, through).size()));
          }
          SyncSummary summary = new SyncSummary(run, done);
          SyncException failure = stopped(op, e, summary);
          store.runFinished(
              run, "stopped", summary.requests(), summary.rowsWritten(), failure.getMessage());
          throw failure;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    SyncSummary summary = new SyncSummary(run, done);
    store.runFinished(run, "done", summary.requests(), summary.rowsWritten(), null);
    return summary;
  }

  private void syncOperation(
      Store store, ExecutorService pool, String run, OperationSpec op, Progress progress)
      throws SQLException {
    TableLayout layout = TableLayout.of(op);
    store.ensureTable(layout);
    if (op.shape() == Shape.PAGED_SEARCH) {
      // A snapshot per run (D69): every page of the search, then the table replaced by it in one
      // transaction, keyed by deal_id; a run that fails mid-walk leaves the last snapshot whole.
      RowSource source = RowSource.of(client, op, false);
      progress.left = 1;
      listener.planned(op.name(), 1);
      progress.requests++;
      DealSearch search = Objects.requireNonNull(dealSearch);
      List<ObjectNode> rows = source.fetchSearch(search);
      // The client walks pages until a short (or empty) one: one request per full page, plus one.
      progress.requests += rows.size() / search.pageSize();
      LocalDate day = LocalDate.now(clock.withZone(java.time.ZoneOffset.UTC));
      long written = store.writeWindow(layout, null, rows, run, day);
      progress.committed(day, written);
      listener.committed(op.name(), day, written);
      return;
    }
    if (wholeSeries(op)) {
      RowSource source = RowSource.of(client, op, true);
      progress.left = 1;
      listener.planned(op.name(), 1);
      progress.requests++;
      List<ObjectNode> rows = source.fetchWholeSeries();
      LocalDate through = DateRange.latestAvailableDay(clock);
      long written = store.writeWindow(layout, null, rows, run, through);
      progress.committed(through, written);
      listener.committed(op.name(), through, written);
      return;
    }
    RowSource source = RowSource.of(client, op, false);
    LocalDate newest = DateRange.latestAvailableDay(clock);
    List<DateRange> windows = windows(op, progress.through);
    progress.left = windows.size();
    listener.planned(op.name(), windows.size());
    Deque<Future<List<ObjectNode>>> ahead = new ArrayDeque<>();
    int submitted = 0;
    try {
      int i = 0;
      while (i < windows.size()) {
        while (submitted < windows.size() && submitted < i + concurrency) {
          DateRange w = windows.get(submitted++);
          ahead.add(pool.submit(() -> source.fetch(w)));
        }
        DateRange window = windows.get(i);
        List<ObjectNode> rows;
        progress.requests++;
        try {
          rows = await(ahead.removeFirst());
        } catch (DataNotReadyException e) {
          // The newest day is not out yet (the publication rule said it would be): end at the
          // day before, without error (D52).
          boolean last = i == windows.size() - 1 && window.end().equals(newest);
          if (!last) {
            throw e;
          }
          if (window.days() == 1) {
            progress.left--;
            return;
          }
          window = DateRange.of(window.start(), window.end().minusDays(1));
          progress.requests++;
          rows = source.fetch(window);
        }
        // The windows fetched meanwhile go into the same transaction (D68): when writing is
        // slower than fetching, fewer commits; a window that failed is left for the next turn.
        List<DateRange> batch = new ArrayList<>(List.of(window));
        List<List<ObjectNode>> batchRows = new ArrayList<>(List.of(rows));
        while (!ahead.isEmpty() && ahead.peekFirst().isDone() && batch.size() < concurrency) {
          List<ObjectNode> next;
          try {
            next = await(ahead.peekFirst());
          } catch (RuntimeException failed) {
            break;
          }
          ahead.removeFirst();
          progress.requests++;
          batch.add(windows.get(i + batch.size()));
          batchRows.add(next);
        }
        long[] written = store.writeWindows(layout, batch, batchRows, run);
        for (int b = 0; b < batch.size(); b++) {
          progress.committed(batch.get(b).end(), written[b]);
          listener.committed(op.name(), batch.get(b).end(), written[b]);
        }
        i += batch.size();
      }
    } finally {
      ahead.forEach(f -> f.cancel(true));
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted");
    }
  }

  private List<DateRange> windows(OperationSpec op, @Nullable LocalDate through) {
    return Planner.period(through, from, to, lookbackDays, DateRange.latestAvailableDay(clock))
        .map(p -> Planner.windows(op, p))
        .orElse(List.of());
  }

  /** The expiration schedule without dates: replaced as a whole on every run (D21). */
  private static boolean wholeSeries(OperationSpec op) {
    return op.withoutDates();
  }

  private List<OperationSpec> resolve(List<String> names) {
    if (names.isEmpty()) {
      return catalog.defaults();
    }
    List<OperationSpec> ops = new ArrayList<>();
    for (String name : names) {
      OperationSpec op =
          catalog
              .find(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown operation '"
                              + name
                              + "': name it by path, such as power/network_storage_capacity"));
      if (op.shape() == Shape.PAGED_SEARCH && dealSearch == null) {
        throw new IllegalArgumentException(
            op.name()
                + " is a paged search: give its filters with dealSearch(DealSearch) (in the"
                + " command: --filter NAME=VALUE), such as provider_id=f01675012");
      }
      if (!ops.contains(op)) {
        ops.add(op);
      }
    }
    return ops;
  }

  private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by another sync in this JVM
    }
  }

  private SyncException locked(@Nullable Throwable cause) {
    return new SyncException(
        SyncException.Kind.LOCKED,
        "another sync is writing "
            + database
            + ": wait for it to finish (nothing was done by this one)",
        null,
        cause);
  }

  private SyncException database(SQLException e, @Nullable SyncSummary summary) {
    return new SyncException(
        SyncException.Kind.DATABASE,
        "cannot write "
            + database
            + ": "
            + firstLine(e.getMessage())
            + "; check the file, its permissions and the free space"
            + (summary == null ? "" : "; every window committed before is kept"),
        summary,
        e);
  }

  private SyncException stopped(OperationSpec op, RuntimeException e, SyncSummary summary) {
    String left = left(summary);
    if (e instanceof SpaceScopeException api) {
      return new SyncException(
          SyncException.Kind.API,
          op.name()
              + ": "
              + firstLine(api.getMessage())
              + "; the sync stopped with every window before it committed"
              + left
              + "; the next run goes on from there",
          summary,
          e);
    }
    if (e instanceof Store.RowProblem row) {
      return new SyncException(SyncException.Kind.ROW, row.getMessage() + left, summary, e);
    }
    if (e.getCause() instanceof SQLException sql) {
      return database(sql, summary);
    }
    throw e;
  }

  private static String left(SyncSummary summary) {
    StringBuilder left = new StringBuilder();
    for (OperationSummary o : summary.operations()) {
      if (o.windowsLeft() > 0) {
        left.append(left.length() == 0 ? "; left: " : ", ")
            .append(o.operation())
            .append(" (")
            .append(o.windowsLeft())
            .append(o.windowsLeft() == 1 ? " request" : " requests")
            .append(", synced through ")
            .append(o.syncedThrough() == null ? "nothing yet" : o.syncedThrough())
            .append(')');
      }
    }
    return left.toString();
  }

  private static String firstLine(@Nullable String text) {
    String t = String.valueOf(text);
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl);
  }

  /** One operation's counters during a run. */
  private static final class Progress {
    final OperationSpec op;
    @Nullable LocalDate through;
    long requests;
    long rows;
    int left;

    Progress(OperationSpec op, @Nullable LocalDate through) {
      this.op = op;
      this.through = through;
    }

    void committed(LocalDate day, long n) {
      rows += n;
      left--;
      if (through == null || day.isAfter(through)) {
        through = day;
      }
    }

    OperationSummary summary(int windowsLeft) {
      return new OperationSummary(
          op.name(), op.schema() + "." + op.table(), requests, rows, through, windowsLeft);
    }
  }

  /** Builds a {@link SpaceScopeSync}; {@link #client} and {@link #database} are required. */
  public static final class Builder {
    private @Nullable SpaceScope client;
    private @Nullable Path database;
    private Clock clock = Clock.systemUTC();
    private int lookbackDays = DEFAULT_LOOKBACK_DAYS;
    private @Nullable LocalDate from;
    private @Nullable LocalDate to;
    private SyncListener listener = SyncListener.none();
    private int concurrency = 4;
    private @Nullable DealSearch dealSearch;

    private Builder() {}

    /** The client the rows come through (its retries, limits and token). */
    public Builder client(SpaceScope client) {
      this.client = client;
      return this;
    }

    /** The DuckDB file, created when absent. */
    public Builder database(Path database) {
      this.database = database;
      return this;
    }

    /**
     * What decides the latest published day: give the client's clock. Default: the system's UTC
     * clock.
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** How many committed days each run fetches again, for late revisions (default 3, D52). */
    public Builder lookbackDays(int lookbackDays) {
      if (lookbackDays < 0) {
        throw new IllegalArgumentException("lookbackDays must be >= 0, was " + lookbackDays);
      }
      this.lookbackDays = lookbackDays;
      return this;
    }

    /** The first day of an operation's first run (default: mainnet's first day, 2020-08-24). */
    public Builder from(@Nullable LocalDate from) {
      this.from = from;
      return this;
    }

    /** The last day to sync (default and at most: the latest published day). */
    public Builder to(@Nullable LocalDate to) {
      this.to = to;
      return this;
    }

    public Builder listener(SyncListener listener) {
      this.listener = listener;
      return this;
    }

    /**
     * The search whose every page a sync of the paged deal search ({@code deals/deal_snapshot})
     * copies: each run replaces the table with that run's snapshot, keyed by {@code deal_id} (D69).
     * Required when that operation is named.
     */
    public Builder dealSearch(@Nullable DealSearch dealSearch) {
      this.dealSearch = dealSearch;
      return this;
    }

    /** Windows fetched ahead of the one being written (default 4). */
    public Builder concurrency(int concurrency) {
      if (concurrency < 1) {
        throw new IllegalArgumentException("concurrency must be >= 1, was " + concurrency);
      }
      this.concurrency = concurrency;
      return this;
    }

    /**
     * The sync.
     *
     * @throws IllegalStateException when the client or the database is missing, or {@code from} is
     *     after {@code to}
     */
    public SpaceScopeSync build() {
      List<String> problems = new ArrayList<>();
      if (client == null) {
        problems.add("client is required: pass client(SpaceScope)");
      }
      if (database == null) {
        problems.add("database is required: pass database(Path)");
      }
      if (from != null && to != null && from.isAfter(to)) {
        problems.add("from (" + from + ") is after to (" + to + ")");
      }
      if (!problems.isEmpty()) {
        throw new IllegalStateException(String.join("; ", problems));
      }
      return new SpaceScopeSync(this);
    }
  }
}
