package io.github.spacescopejava.testkit.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the fake needs to know about one GET operation of the spec, read from its vendor extensions
 * and its response schema.
 *
 * @param path the path, such as {@code /v2/power/network_storage_capacity}
 * @param operationId the spec's operationId, such as {@code Power_networkStorageCapacity}
 * @param shape {@code x-shape}
 * @param maxWindowDays {@code x-max-window-days}, or 0 where the shape has no window
 * @param perStorageProvider {@code x-per-storage-provider}
 * @param rowDateField {@code x-row-date-field}, or null (the paged deal search has none)
 * @param allowsFutureDates {@code x-allows-future-dates}
 * @param parameters the names of the query parameters, in spec order
 * @param roles the parameter role flags of the spec ({@code x-date-range-start: true}, ...), from
 *     flag to parameter name
 * @param rowFields the properties of one row of {@code data}, in spec order
 */
public record OperationSpec(
    String path,
    String operationId,
    Shape shape,
    int maxWindowDays,
    boolean perStorageProvider,
    @Nullable String rowDateField,
    boolean allowsFutureDates,
    List<String> parameters,
    Map<String, String> roles,
    List<FieldSpec> rowFields) {

  public OperationSpec {
    parameters = List.copyOf(parameters);
    roles = Map.copyOf(roles);
    rowFields = List.copyOf(rowFields);
    if (shape.windowed() && maxWindowDays < 1) {
      throw new IllegalArgumentException(
          path + ": x-max-window-days must be at least 1 for " + shape.wireName());
    }
  }

  /** The parameter that carries a role flag, or {@code fallback} when no parameter has the flag. */
  public String parameter(String roleFlag, String fallback) {
    return roles.getOrDefault(roleFlag, fallback);
  }

  /**
   * The filters of a paged search: the parameters flagged {@code x-search-filter}, or, where the
   * spec flags none, every parameter but the page and page size.
   */
  public List<String> searchFilters() {
    List<String> flagged =
        parameters.stream().filter(p -> p.equals(roles.get(SEARCH_FILTER_PREFIX + p))).toList();
    if (!flagged.isEmpty()) {
      return flagged;
    }
    String page = parameter("x-page", "page");
    String pageSize = parameter("x-page-size", "page_size");
    return parameters.stream().filter(p -> !p.equals(page) && !p.equals(pageSize)).toList();
  }

  /** Role keys of search filters are per parameter, since several parameters share the flag. */
  static final String SEARCH_FILTER_PREFIX = "x-search-filter:";

  /** True when a row field declares {@code x-top-n}: a top-N list rather than one figure. */
  public boolean ranked() {
    return rankField() != null;
  }

  /** The field that declares {@code x-top-n}, or null. */
  public @Nullable FieldSpec rankField() {
    return rowFields.stream().filter(f -> f.rules().topN() > 0).findFirst().orElse(null);
  }

  /** A row field by name, or null. */
  public @Nullable FieldSpec rowField(String name) {
    return rowFields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }

  /** The value of {@code x-shape}. */
  public enum Shape {
    DAY_RANGE,
    HOURLY_RANGE,
    STATE_DAY,
    PAGED_SEARCH;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    boolean windowed() {
      return this == DAY_RANGE || this == HOURLY_RANGE;
    }

    static Shape fromWire(String path, @Nullable Object value) {
      for (Shape s : values()) {
        if (s.wireName().equals(value)) {
          return s;
        }
      }
      throw new IllegalStateException(
          path
              + ": unknown x-shape '"
              + value
              + "'; the testkit serves day-range, hourly-range,"
              + " state-day and paged-search (a new shape needs a testkit release)");
    }
  }

  /** One property of a row schema, with what the spec declares true of its values. */
  record FieldSpec(String name, FieldType type, boolean deprecated, FieldRules rules) {
    public FieldSpec(String name, FieldType type, boolean deprecated) {
      this(name, type, deprecated, FieldRules.NONE);
    }
  }

  /** The wire type of a row property, as far as synthesis cares. */
  enum FieldType {
    NUMBER,
    INTEGER,
    BOOLEAN,
    STRING,
    INTEGER_STRING,
    DATE,
    DATE_TIME,
    ARRAY,
    OBJECT
  }
}
