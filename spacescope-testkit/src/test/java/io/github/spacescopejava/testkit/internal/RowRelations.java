package io.github.spacescopejava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.spacescopejava.testkit.internal.OperationSpec.FieldSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the relations an operation's row schema declares (D26) on rows as a client decodes them:
 * exactly, in {@code BigDecimal}. A series is the rows of one network, provider or list, day after
 * day.
 */
final class RowRelations {
  private final OperationSpec op;
  private final List<String> violations = new ArrayList<>();
  private int checks;

  RowRelations(OperationSpec op) {
    this.op = op;
  }

  /** Checks one series: the relations inside each row, and cumulative fields from row to row. */
  RowRelations series(List<JsonNode> rows) {
    JsonNode previous = null;
    for (JsonNode row : rows) {
      row(row);
      if (previous != null) {
        for (FieldSpec f : op.rowFields()) {
          if (f.rules().cumulative()) {
            checks++;
            if (value(row, f.name()).compareTo(value(previous, f.name())) < 0) {
              violations.add(f.name() + " is cumulative but falls from " + previous + " to " + row);
            }
          }
        }
      }
      previous = row;
    }
    return this;
  }

  /** Checks a top-N list: N rows, ranks 1 to N, the ranked-by field descending. */
  RowRelations topList(List<JsonNode> rows) {
    FieldSpec rank = op.rankField();
    if (rank == null) {
      return this;
    }
    checks++;
    if (rows.size() != rank.rules().topN()) {
      violations.add("a top-" + rank.rules().topN() + " list of " + rows.size() + " rows");
    }
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).get(rank.name()).asLong() != i + 1) {
        violations.add(rank.name() + " of row " + i + " is " + rows.get(i).get(rank.name()));
      }
      String by = rank.rules().rankedBy();
      if (by != null && i > 0 && value(rows.get(i), by).compareTo(value(rows.get(i - 1), by)) > 0) {
        violations.add(by + " rises from rank " + i + " to rank " + (i + 1) + ": " + rows);
      }
    }
    return this;
  }

  private void row(JsonNode row) {
    for (FieldSpec f : op.rowFields()) {
      if (!f.rules().sumOf().isEmpty()) {
        checks++;
        BigDecimal sum = BigDecimal.ZERO;
        for (String term : f.rules().sumOf()) {
          BigDecimal part = value(row, FieldRules.part(term));
          sum = FieldRules.subtracted(term) ? sum.subtract(part) : sum.add(part);
        }
        if (sum.compareTo(value(row, f.name())) != 0) {
          violations.add(f.name() + " is not " + f.rules().sumOf() + " (" + sum + ") in " + row);
        }
      }
      for (String bound : f.rules().notGreaterThan()) {
        checks++;
        if (value(row, f.name()).compareTo(value(row, bound)) > 0) {
          violations.add(f.name() + " exceeds " + bound + " in " + row);
        }
      }
    }
  }

  private static BigDecimal value(JsonNode row, String field) {
    JsonNode v = row.get(field);
    if (v == null || !v.isNumber()) {
      throw new AssertionError(field + " is not a number in " + row);
    }
    return v.decimalValue();
  }

  List<String> violations() {
    return violations;
  }

  int checks() {
    return checks;
  }
}
