package io.github.spacescopejava.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds an operation by any of its names, and suggests the closest names when none matches.
 *
 * <p>Accepted, case-insensitively: the path without its version prefix ({@code
 * power/network_storage_capacity}), the full path ({@code /v2/power/network_storage_capacity}), the
 * operationId ({@code Power_networkStorageCapacity}), the client's name ({@code
 * power.networkStorageCapacity}), and the bare method name when only one operation has it ({@code
 * networkBaseFee}).
 */
final class EndpointNames {
  private final List<Operation> operations;
  private final Map<String, Operation> exact = new LinkedHashMap<>();
  private final Map<String, List<Operation>> methods = new LinkedHashMap<>();

  EndpointNames(List<Operation> operations) {
    this.operations = List.copyOf(operations);
    for (Operation o : operations) {
      for (String alias :
          List.of(o.name(), o.path(), o.path().substring(1), o.operationId(), o.clientName())) {
        exact.put(alias.toLowerCase(Locale.ROOT), o);
      }
      methods
          .computeIfAbsent(o.methodName().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(o);
    }
  }

  /**
   * The operation called {@code name}.
   *
   * @throws CliException {@link ExitCode#UNKNOWN_NAME} naming the closest names, or the candidates
   *     of an ambiguous method name
   */
  Operation resolve(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    while (key.endsWith("/")) {
      key = key.substring(0, key.length() - 1);
    }
    Operation found = exact.get(key);
    if (found != null) {
      return found;
    }
    List<Operation> byMethod = methods.getOrDefault(key, List.of());
    if (byMethod.size() == 1) {
      return byMethod.get(0);
    }
    if (byMethod.size() > 1) {
      throw new CliException(
          ExitCode.UNKNOWN_NAME,
          "'"
              + name
              + "' names "
              + byMethod.size()
              + " operations: "
              + String.join(", ", byMethod.stream().map(Operation::name).toList())
              + "; give one of these names");
    }
    List<String> close = closest(name, 3);
    throw new CliException(
        ExitCode.UNKNOWN_NAME,
        "no endpoint named '"
            + name
            + "'"
            + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?")
            + " ('spacescope endpoints' lists them all)");
  }

  /** The {@code limit} operation names closest to {@code name} (edit distance over any alias). */
  List<String> closest(String name, int limit) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    record Scored(String name, int distance) {}
    List<Scored> scored = new ArrayList<>();
    for (Operation o : operations) {
      int best = Integer.MAX_VALUE;
      for (String alias : List.of(o.name(), o.operationId(), o.clientName(), o.methodName())) {
        String a = alias.toLowerCase(Locale.ROOT);
        best = Math.min(best, distance(key, a));
        // A name given without its group ("network_storage_capacity") is close to its last part.
        String last = a.substring(a.lastIndexOf('/') + 1);
        best = Math.min(best, distance(key, last) + 1);
        if (key.length() >= 4 && a.contains(key)) {
          best = Math.min(best, 1);
        }
      }
      scored.add(new Scored(o.name(), best));
    }
    int threshold = Math.max(3, key.length() / 2);
    Set<String> names = new LinkedHashSet<>();
    scored.stream()
        .filter(s -> s.distance() <= threshold)
        .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name))
        .forEach(s -> names.add(s.name()));
    return names.stream().limit(limit).toList();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
