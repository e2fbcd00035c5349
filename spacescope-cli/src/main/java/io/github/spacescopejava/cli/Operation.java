package io.github.spacescopejava.cli;

import io.github.spacescopejava.client.Operation.Shape;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One operation of the spec, with what the command needs to call and describe it: the client's
 * catalog entry seen in the command's terms.
 *
 * @param catalog the client's catalog entry, which the command calls through {@code
 *     SpaceScope.stream(operation, request)}
 * @param operationId the spec's operationId, such as {@code Power_networkStorageCapacity}
 * @param tag the group, such as {@code Power}
 * @param path the path, such as {@code /v2/power/network_storage_capacity}
 * @param summary the spec's summary
 * @param shape the request shape ({@code x-shape})
 * @param maxWindowDays the largest window of one request ({@code x-max-window-days}), 0 when none
 * @param perStorageProvider whether it takes {@code miner_id} ({@code x-per-storage-provider})
 * @param rowDateField the row field that carries the row's day or hour ({@code x-row-date-field})
 * @param deprecated whether the spec marks it deprecated
 * @param allowsFutureDates whether rows may be dated after today ({@code x-allows-future-dates})
 * @param withoutDates whether a request without dates gets the whole series ({@code
 *     x-without-dates})
 * @param fields the row schema's properties, in the spec's order
 * @param parameters the query parameters
 */
record Operation(
    io.github.spacescopejava.client.Operation<?> catalog,
    String operationId,
    String tag,
    String path,
    String summary,
    Shape shape,
    int maxWindowDays,
    boolean perStorageProvider,
    @Nullable String rowDateField,
    boolean deprecated,
    boolean allowsFutureDates,
    boolean withoutDates,
    List<Field> fields,
    List<Parameter> parameters) {

  Operation {
    fields = List.copyOf(fields);
    parameters = List.copyOf(parameters);
  }

  /**
   * The command-line name: the path without its version prefix, such as {@code
   * power/network_storage_capacity} (v1 paths all start with {@code network_core/}, so v1 and v2
   * names never collide).
   */
  String name() {
    return catalog.name();
  }

  /** The method name on the client's group, such as {@code networkStorageCapacity}. */
  String methodName() {
    return catalog.methodName();
  }

  /** The group accessor on {@code SpaceScope}, such as {@code power} or {@code v1NetworkCore}. */
  String groupName() {
    return catalog.groupName();
  }

  /** The name in the client's terms, such as {@code power.networkStorageCapacity}. */
  String clientName() {
    return catalog.clientName();
  }

  Optional<Field> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * The fields that identify a row: its day or hour, and for per-provider operations the provider.
   */
  List<String> keyFields() {
    List<String> keys = new java.util.ArrayList<>();
    if (rowDateField != null) {
      keys.add(rowDateField);
    }
    if (perStorageProvider && field("miner_id").isPresent()) {
      keys.add("miner_id");
    }
    return keys;
  }

  /** The window limit in words, such as {@code 90 days}, or {@code one day per request}. */
  String windowLimit() {
    return switch (shape) {
      case DAY_RANGE, HOURLY_RANGE -> maxWindowDays + " days";
      case STATE_DAY -> "1 day";
      case PAGED_SEARCH -> "pages";
    };
  }

  /**
   * A query parameter.
   *
   * @param name the wire name, such as {@code start_date}
   * @param required whether the spec requires it
   * @param role the role flag ({@code x-date-range-start}, {@code x-search-filter}, ...) without
   *     its {@code x-} prefix, or empty
   * @param example the spec's example value, or null
   */
  record Parameter(String name, boolean required, String role, @Nullable String example) {}
}
