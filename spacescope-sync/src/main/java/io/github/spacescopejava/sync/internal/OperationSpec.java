package io.github.spacescopejava.sync.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One operation of the spec, with what a sync needs to call it and to lay out its table.
 *
 * @param operationId the spec's operationId, such as {@code Power_networkStorageCapacity}
 * @param tag the group, such as {@code Power}
 * @param path the path, such as {@code /v2/power/network_storage_capacity}
 * @param shape the request shape ({@code x-shape})
 * @param maxWindowDays the largest window of one request ({@code x-max-window-days}), 0 when none
 * @param perStorageProvider whether rows are per storage provider ({@code x-per-storage-provider})
 * @param rowDateField the row field that carries the row's day or hour ({@code x-row-date-field})
 * @param deprecated whether the spec marks it deprecated
 * @param withoutDates whether a request without dates gets the whole series ({@code
 *     x-without-dates})
 * @param fields the row schema's properties, in the spec's order
 */
public record OperationSpec(
    String operationId,
    String tag,
    String path,
    Shape shape,
    int maxWindowDays,
    boolean perStorageProvider,
    @Nullable String rowDateField,
    boolean deprecated,
    boolean withoutDates,
    List<FieldSpec> fields) {

  public OperationSpec {
    fields = List.copyOf(fields);
  }

  /** The path without its version prefix, such as {@code power/network_storage_capacity}. */
  public String name() {
    return path.replaceFirst("^/v[0-9]+/", "");
  }

  /** The method name on the client's group: the operationId without its tag prefix. */
  public String methodName() {
    String bare = operationId.substring(operationId.indexOf('_') + 1);
    return Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
  }

  /** The group accessor on {@code SpaceScope}, such as {@code power} or {@code v1NetworkCore}. */
  public String groupName() {
    return Character.toLowerCase(tag.charAt(0)) + tag.substring(1);
  }

  /** The DuckDB schema: the tag in snake case, such as {@code storage_provider}. */
  public String schema() {
    return tag.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /**
   * The table: the path after its version and first segment, segments joined by {@code _}, such as
   * {@code network_storage_capacity} for {@code /v2/power/network_storage_capacity} and {@code
   * deals_client_count} for {@code /v2/storage_provider/deals/client_count}. For v1 paths, whose
   * first segments name the group ({@code network_core/capacity-services/...}), the last segment.
   */
  public String table() {
    String[] segments = name().split("/");
    String table;
    if (path.startsWith("/v1/")) {
      table = segments[segments.length - 1];
    } else {
      table = String.join("_", List.of(segments).subList(1, segments.length));
    }
    return table.replace('-', '_');
  }

  public Optional<FieldSpec> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * The fields that identify a row: its day or hour, the provider for per-provider operations, the
   * rank of a top-N list, the deal id of the deal search.
   */
  public List<String> keyFields() {
    List<String> keys = new ArrayList<>();
    if (rowDateField != null && shape != Shape.PAGED_SEARCH) {
      keys.add(rowDateField);
    }
    if (perStorageProvider && field("miner_id").isPresent()) {
      keys.add("miner_id");
    }
    fields.stream().filter(FieldSpec::topN).forEach(f -> keys.add(f.name()));
    if (shape == Shape.PAGED_SEARCH && field("deal_id").isPresent()) {
      keys.add("deal_id");
    }
    return keys;
  }
}
