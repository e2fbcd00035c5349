package io.github.spacescopejava.testkit.internal;

import io.github.spacescopejava.testkit.internal.OperationSpec.FieldSpec;
import io.github.spacescopejava.testkit.internal.OperationSpec.FieldType;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row: every field's value ({@link ValueGenerator}), then the relations the spec declares
 * between fields of the row (D26). A field that is {@code x-sum-of} other fields is their exact
 * sum; a field that is {@code x-not-greater-than} another is brought under it: a cumulative field
 * is capped at its bound (the smaller of two rising series still rises), any other is scaled to a
 * fraction of it. Fields are resolved in dependency order; {@link FieldRules#check} has ruled out
 * cycles when the spec was read.
 */
final class RowValues {
  private final OperationSpec op;
  private final ValueGenerator.Ctx ctx;
  private final Map<String, String> overrides;
  private final Map<String, Object> done = new HashMap<>();

  private RowValues(OperationSpec op, ValueGenerator.Ctx ctx, Map<String, String> overrides) {
    this.op = op;
    this.ctx = ctx;
    this.overrides = overrides;
  }

  static Map<String, Object> build(
      OperationSpec op, ValueGenerator.Ctx ctx, Map<String, String> overrides) {
    RowValues values = new RowValues(op, ctx, overrides);
    Map<String, Object> row = new LinkedHashMap<>();
    for (FieldSpec f : op.rowFields()) {
      row.put(f.name(), values.resolve(f));
    }
    return row;
  }

  private Object resolve(FieldSpec f) {
    Object known = done.get(f.name());
    if (known != null) {
      return known;
    }
    String given = overrides.get(f.name());
    Object v;
    if (given != null) {
      v = typed(f, given);
    } else if (!f.rules().sumOf().isEmpty()) {
      v = sum(f);
    } else {
      v = ValueGenerator.value(f, ctx);
      for (String bound : f.rules().notGreaterThan()) {
        v = atMost(f, v, resolve(field(bound)));
      }
    }
    done.put(f.name(), v);
    return v;
  }

  private Object sum(FieldSpec f) {
    BigDecimal total = BigDecimal.ZERO;
    for (String term : f.rules().sumOf()) {
      BigDecimal part = decimal(resolve(field(FieldRules.part(term))));
      total = FieldRules.subtracted(term) ? total.subtract(part) : total.add(part);
    }
    return f.type() == FieldType.INTEGER ? (Object) total.longValueExact() : total;
  }

  private Object atMost(FieldSpec f, Object value, Object bound) {
    BigDecimal v = decimal(value);
    BigDecimal b = decimal(bound);
    if (v.compareTo(b) <= 0) {
      return value;
    }
    if (f.rules().cumulative()) {
      return sameType(f, b);
    }
    double fraction = 0.6 + 0.4 * ctx.stream(f.name() + "#bound").nextDouble();
    BigDecimal scaled = decimal(ValueGenerator.wire(f, b.doubleValue() * fraction));
    return sameType(f, scaled.min(b));
  }

  private static Object sameType(FieldSpec f, BigDecimal v) {
    if (f.type() == FieldType.INTEGER) {
      return v.setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
    }
    return v;
  }

  private FieldSpec field(String name) {
    FieldSpec f = op.rowField(name);
    if (f == null) {
      throw new IllegalStateException(op.path() + ": no row field " + name);
    }
    return f;
  }

  static BigDecimal decimal(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof Long l) {
      return BigDecimal.valueOf(l);
    }
    return new BigDecimal(v.toString());
  }

  private static Object typed(FieldSpec f, String given) {
    if (f.type() == FieldType.INTEGER) {
      return Long.valueOf(given);
    }
    if (f.type() == FieldType.NUMBER) {
      return new BigDecimal(given);
    }
    return given;
  }
}
