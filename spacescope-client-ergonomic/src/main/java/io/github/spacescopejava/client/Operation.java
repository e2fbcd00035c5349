package io.github.spacescopejava.client;

import io.github.spacescopejava.client.internal.Endpoint;
import io.github.spacescopejava.generated.model.Envelope;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One operation of the SpaceScope API, as the spec describes it: its names, path, shape, window
 * limits, parameters with their rules, row type and row fields, deprecation and publication rule.
 * Every operation of the spec has one, generated at build time into {@link Operations} (no spec is
 * read at run time); {@link SpaceScope#operations()} lists them. Call one with {@link
 * SpaceScope#fetch(Operation, OperationRequest)} or {@link SpaceScope#stream(Operation,
 * OperationRequest)}; the typed group methods ({@code spacescope.power().networkStorageCapacity})
 * are thin calls of the same path.
 *
 * <pre>{@code
 * Operation<NetworkStorageCapacityRow> op = Operations.POWER_NETWORK_STORAGE_CAPACITY;
 * op.name();          // "power/network_storage_capacity"
 * op.maxWindowDays(); // 90
 * List<NetworkStorageCapacityRow> rows = spacescope.fetch(op, OperationRequest.of(period));
 * }</pre>
 *
 * <p>Immutable and thread-safe; instances exist only as the constants of {@link Operations}, so
 * identity equality holds.
 *
 * @param <R> the type of the operation's rows
 */
public final class Operation<R> {

  /** How an operation takes its arguments: the spec's {@code x-shape}. */
  public enum Shape {
    /** {@code start_date}/{@code end_date}, split into windows of {@code x-max-window-days}. */
    DAY_RANGE("day-range"),
    /** {@code start_hour}/{@code end_hour}, split into windows like day ranges. */
    HOURLY_RANGE("hourly-range"),
    /** {@code state_date}, one request per day, optionally for one storage provider. */
    STATE_DAY("state-day"),
    /** A deal search walked page by page. */
    PAGED_SEARCH("paged-search");

    private final String wire;

    Shape(String wire) {
      this.wire = wire;
    }

    /** The spec's spelling, such as {@code day-range}. */
    public String wire() {
      return wire;
    }

    static Shape fromWire(String wire) {
      for (Shape s : values()) {
        if (s.wire.equals(wire)) {
          return s;
        }
      }
      throw new IllegalArgumentException("unknown x-shape '" + wire + "' in the spec");
    }
  }

  /** What one request needs to send: bound by the generated code to the Feign interface's call. */
  @FunctionalInterface
  interface Call {
    Envelope send(io.github.spacescopejava.client.internal.GroupCalls calls, CallArgs args);
  }

  private final String operationId;
  private final String tag;
  private final String group;
  private final String method;
  private final String path;
  private final String summary;
  private final Shape shape;
  private final int maxWindowDays;
  private final int acceptedWindowDays;
  private final boolean perStorageProvider;
  private final boolean withoutDates;
  private final @Nullable String rowDateField;
  private final boolean deprecated;
  private final boolean allowsFutureDates;
  private final List<OperationParameter> parameters;
  private final List<String> requiresOneOf;
  private final Class<R> rowType;
  private final Call call;
  private final Function<Envelope, List<R>> rows;
  private final Endpoint endpoint;
  private volatile @Nullable RowSchema schema;

  // Called by the generated Operations class only.
  @SuppressWarnings("ParameterNumber")
  Operation(
      String operationId,
      String tag,
      String group,
      String method,
      String path,
      String summary,
      String shape,
      int maxWindowDays,
      int acceptedWindowDays,
      boolean perStorageProvider,
      boolean withoutDates,
      @Nullable String rowDateField,
      boolean deprecated,
      boolean allowsFutureDates,
      List<OperationParameter> parameters,
      List<String> requiresOneOf,
      Class<R> rowType,
      Call call,
      Function<Envelope, List<R>> rows) {
    this.operationId = operationId;
    this.tag = tag;
    this.group = group;
    this.method = method;
    this.path = path;
    this.summary = summary;
    this.shape = Shape.fromWire(shape);
    boolean ranged = this.shape == Shape.DAY_RANGE || this.shape == Shape.HOURLY_RANGE;
    if (ranged != maxWindowDays > 0) {
      throw new IllegalArgumentException(
          path
              + ": x-max-window-days must be positive exactly for ranged shapes, was "
              + maxWindowDays
              + " for "
              + shape);
    }
    this.maxWindowDays = maxWindowDays;
    this.acceptedWindowDays = Math.max(acceptedWindowDays, maxWindowDays);
    this.perStorageProvider = perStorageProvider;
    this.withoutDates = withoutDates;
    this.rowDateField = rowDateField;
    this.deprecated = deprecated;
    this.allowsFutureDates = allowsFutureDates;
    this.parameters = List.copyOf(parameters);
    this.requiresOneOf = List.copyOf(requiresOneOf);
    this.rowType = rowType;
    this.call = call;
    this.rows = rows;
    this.endpoint = new Endpoint(path, maxWindowDays, allowsFutureDates);
  }

  /**
   * The operation's short name: its path without the version prefix, such as {@code
   * power/network_storage_capacity} (v1 paths all start with {@code network_core/}, so v1 and v2
   * names never collide).
   */
  public String name() {
    return path.replaceFirst("^/v[0-9]+/", "");
  }

  /** The spec's operationId, such as {@code Power_networkStorageCapacity}. */
  public String operationId() {
    return operationId;
  }

  /** The spec's tag, such as {@code Power}. */
  public String tag() {
    return tag;
  }

  /** The group accessor on {@link SpaceScope}, such as {@code power}. */
  public String groupName() {
    return group;
  }

  /** The method on the group, such as {@code networkStorageCapacity}. */
  public String methodName() {
    return method;
  }

  /** The name in the client's terms, such as {@code power.networkStorageCapacity}. */
  public String clientName() {
    return group + "." + method;
  }

  /** The request path, such as {@code /v2/power/network_storage_capacity}. */
  public String path() {
    return path;
  }

  /** The spec's summary, such as {@code Network storage capacity}. */
  public String summary() {
    return summary;
  }

  /** How the operation takes its arguments. */
  public Shape shape() {
    return shape;
  }

  /**
   * The largest inclusive window one request may span, as the API's docs give it and the client
   * sends ({@code x-max-window-days}); 0 for state days and searches.
   */
  public int maxWindowDays() {
    return maxWindowDays;
  }

  /**
   * The largest window the live server is known to accept ({@code x-accepted-window-days}), at
   * least {@link #maxWindowDays()}; 0 for state days and searches.
   */
  public int acceptedWindowDays() {
    return acceptedWindowDays;
  }

  /** Whether the operation can be asked for one storage provider ({@code miner_id}). */
  public boolean perStorageProvider() {
    return perStorageProvider;
  }

  /**
   * Whether a request without dates is answered with the whole series ({@code x-without-dates}):
   * {@link OperationRequest#wholeSeries()} is accepted.
   */
  public boolean withoutDates() {
    return withoutDates;
  }

  /**
   * The row field that carries the row's day or hour ({@code x-row-date-field}), such as {@code
   * stat_date}, if the spec names one.
   */
  public Optional<String> rowDateField() {
    return Optional.ofNullable(rowDateField);
  }

  /** Whether the spec marks the operation deprecated. */
  public boolean deprecated() {
    return deprecated;
  }

  /**
   * Whether rows may be dated after the latest published day ({@code x-allows-future-dates}), so
   * that later days are not refused before sending.
   */
  public boolean allowsFutureDates() {
    return allowsFutureDates;
  }

  /**
   * When the rows of {@code day} are published: 21:00 UTC on the next day; empty for operations
   * whose rows may be dated in the future ({@link #allowsFutureDates()}), which refuse no day.
   */
  public Optional<Instant> publishedAt(LocalDate day) {
    return allowsFutureDates ? Optional.empty() : Optional.of(DateRange.publishedAt(day));
  }

  /** The query parameters, in the spec's order, with their rules. */
  public List<OperationParameter> parameters() {
    return parameters;
  }

  /** The parameter with wire name {@code wireName}, such as {@code miner_id}. */
  public Optional<OperationParameter> parameter(String wireName) {
    return parameters.stream().filter(p -> p.wireName().equals(wireName)).findFirst();
  }

  /**
   * The parameters of which a request must give at least one ({@code x-requires-one-of}): the deal
   * search's filters; empty for other operations.
   */
  public List<String> requiresOneOf() {
    return requiresOneOf;
  }

  /** The type of the operation's rows, such as {@code NetworkStorageCapacityRow.class}. */
  public Class<R> rowType() {
    return rowType;
  }

  /** The fields of the rows, in the spec's order. */
  public List<RowField> rowFields() {
    return schema().fields();
  }

  /**
   * A row's values by JSON name, for tools that write rows without knowing their type: the declared
   * fields in the spec's order, then any field the API sent that the spec does not declare, by
   * name. Values are exact, never {@code double}: {@link String}, {@link Boolean}, {@link Long},
   * {@link BigDecimal}, {@link java.time.OffsetDateTime}, and for undeclared fields what JSON holds
   * ({@code Integer}, {@code Long}, {@code BigInteger}, {@code BigDecimal}, lists and maps); an
   * absent or null field is a null value.
   *
   * @param row a row of this operation
   * @return an unmodifiable, ordered map
   * @throws IllegalArgumentException if {@code row} is not a {@link #rowType()}
   */
  public Map<String, @Nullable Object> values(Object row) {
    if (!rowType.isInstance(row)) {
      throw new IllegalArgumentException(
          name()
              + " has rows of type "
              + rowType.getSimpleName()
              + ", not "
              + (row == null ? "null" : row.getClass().getName()));
    }
    RowSchema s = schema();
    Map<String, @Nullable Object> out = new LinkedHashMap<>();
    for (int i = 0; i < s.fields().size(); i++) {
      out.put(s.fields().get(i).jsonName(), s.getters().get(i).apply(row));
    }
    Map<String, Object> extra = s.additional().apply(row);
    if (extra != null) {
      new TreeMap<>(extra).forEach((name, value) -> out.putIfAbsent(name, RowSchema.exact(value)));
    }
    return Collections.unmodifiableMap(out);
  }

  /** The operation's name, such as {@code power/network_storage_capacity}. */
  @Override
  public String toString() {
    return name();
  }

  // ---- for the client's own calls ------------------------------------------------------------

  Endpoint endpoint() {
    return endpoint;
  }

  Call call() {
    return call;
  }

  Function<Envelope, List<R>> rows() {
    return rows;
  }

  private RowSchema schema() {
    RowSchema s = schema;
    if (s == null) {
      s = RowSchemas.of(rowType);
      if (s == null) {
        throw new IllegalStateException("no generated schema for " + rowType.getName());
      }
      schema = s;
    }
    return s;
  }
}
