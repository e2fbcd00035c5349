package io.github.spacescopejava.testkit.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the spec declares true of one row property, read from its vendor extensions (decision D26).
 *
 * @param typicalMagnitude {@code x-typical-magnitude}: the size of a value, one significant digit,
 *     derived from the documented example; null where the docs give none (or zero)
 * @param wholeNumber {@code x-whole-number}: a {@code number} whose values carry no fraction
 * @param cumulative {@code x-cumulative}: never falls from one day to the next
 * @param sumOf {@code x-sum-of}: the value is the sum of these fields; a name with a leading {@code
 *     -} is subtracted
 * @param notGreaterThan {@code x-not-greater-than}: the value never exceeds these fields
 * @param topN {@code x-top-n}: on the rank field of a top-N list, N; 0 otherwise
 * @param rankedBy {@code x-ranked-by}: the field the list is ranked by (descending), or null
 */
record FieldRules(
    @Nullable BigDecimal typicalMagnitude,
    boolean wholeNumber,
    boolean cumulative,
    List<String> sumOf,
    List<String> notGreaterThan,
    int topN,
    @Nullable String rankedBy) {

  public static final FieldRules NONE =
      new FieldRules(null, false, false, List.of(), List.of(), 0, null);

  public FieldRules {
    sumOf = List.copyOf(sumOf);
    notGreaterThan = List.copyOf(notGreaterThan);
  }

  /** Reads the extensions of a property schema; {@code where} names it in error messages. */
  static FieldRules of(String where, @Nullable Map<String, Object> x) {
    if (x == null || x.isEmpty()) {
      return NONE;
    }
    Object magnitude = x.get("x-typical-magnitude");
    Object topN = x.get("x-top-n");
    Object rankedBy = x.get("x-ranked-by");
    return new FieldRules(
        magnitude == null ? null : decimal(where + " x-typical-magnitude", magnitude),
        Boolean.TRUE.equals(x.get("x-whole-number")),
        Boolean.TRUE.equals(x.get("x-cumulative")),
        names(where + " x-sum-of", x.get("x-sum-of")),
        names(where + " x-not-greater-than", x.get("x-not-greater-than")),
        topN == null ? 0 : decimal(where + " x-top-n", topN).intValueExact(),
        rankedBy == null ? null : rankedBy.toString());
  }

  /**
   * Checks the rules of a row schema: every field they name exists and is numeric, and no value
   * depends on itself.
   *
   * @throws IllegalStateException naming the operation and the field
   */
  static void check(String path, List<OperationSpec.FieldSpec> fields) {
    Map<String, OperationSpec.FieldSpec> byName = new java.util.LinkedHashMap<>();
    fields.forEach(f -> byName.put(f.name(), f));
    for (OperationSpec.FieldSpec f : fields) {
      List<String> named = new ArrayList<>(f.rules().dependencies());
      if (f.rules().rankedBy() != null) {
        named.add(f.rules().rankedBy());
      }
      for (String other : named) {
        OperationSpec.FieldSpec target = byName.get(other);
        if (target == null || !numeric(target)) {
          throw new IllegalStateException(
              path
                  + " "
                  + f.name()
                  + ": its rules name '"
                  + other
                  + "', not a numeric field of the row");
        }
      }
      if (!f.rules().dependencies().isEmpty() && !numeric(f)) {
        throw new IllegalStateException(
            path + " " + f.name() + ": rules on a field that is not numeric");
      }
      dependsOnItself(path, f.name(), f.name(), byName, new java.util.HashSet<>());
    }
  }

  private static void dependsOnItself(
      String path,
      String origin,
      String current,
      Map<String, OperationSpec.FieldSpec> byName,
      java.util.Set<String> seen) {
    for (String next : byName.get(current).rules().dependencies()) {
      if (next.equals(origin)) {
        throw new IllegalStateException(path + " " + origin + ": its rules depend on itself");
      }
      if (seen.add(next)) {
        dependsOnItself(path, origin, next, byName, seen);
      }
    }
  }

  private static boolean numeric(OperationSpec.FieldSpec f) {
    return f.type() == OperationSpec.FieldType.NUMBER
        || f.type() == OperationSpec.FieldType.INTEGER;
  }

  /** The fields a value is computed from or bounded by, without the sign of subtracted parts. */
  List<String> dependencies() {
    List<String> all = new ArrayList<>();
    sumOf.forEach(p -> all.add(part(p)));
    all.addAll(notGreaterThan);
    return all;
  }

  static String part(String term) {
    return term.startsWith("-") ? term.substring(1) : term;
  }

  static boolean subtracted(String term) {
    return term.startsWith("-");
  }

  private static BigDecimal decimal(String where, Object value) {
    try {
      return new BigDecimal(value.toString());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(where + " must be a number, not '" + value + "'", e);
    }
  }

  private static List<String> names(String where, @Nullable Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    if (value instanceof List<?> list) {
      List<String> out = new ArrayList<>();
      for (Object o : list) {
        out.add(String.valueOf(o));
      }
      return out;
    }
    throw new IllegalStateException(
        where + " must be a field name or a list of them, not " + value);
  }
}
