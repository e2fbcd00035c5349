package io.github.spacescopejava.testkit.internal;

import io.github.spacescopejava.testkit.internal.OperationSpec.FieldSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The population of synthetic rows: which rows an answer holds (one per day or hour, one per
 * provider, a top-N list, a page of deals) and the key each row is generated from. The values of a
 * row come from {@link RowValues} and {@link ValueGenerator}, under the rules the spec declares.
 *
 * <p>Deterministic: a value depends only on the operation's path, the row's key (its day, hour,
 * provider or deal) and the field's name, so overlapping requests agree on the rows they share and
 * the same request gives the same bytes on every run. Values of a row do not depend on the window
 * it was asked in, nor on the clock.
 */
final class RowSynthesizer {
  /** Filecoin mainnet genesis; one epoch every 30 seconds. */
  static final Instant GENESIS = Instant.parse("2020-08-24T22:00:00Z");

  static final int EPOCHS_PER_DAY = 2880;
  private static final LocalDate DEAL_ERA = LocalDate.of(2024, 1, 1);
  private static final String NETWORK = "network";

  private RowSynthesizer() {}

  /** One row per day from {@code start} to {@code end}, inclusive, in order. */
  public static List<Map<String, Object>> dayRange(
      OperationSpec op, LocalDate start, LocalDate end, Map<String, String> overrides) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      rows.add(row(op, NETWORK, "day:" + d, d, midnight(d), 0, overrides));
    }
    return rows;
  }

  /** One row per hour from {@code start} to {@code end}, inclusive, in order. */
  public static List<Map<String, Object>> hourly(
      OperationSpec op, Instant start, Instant end, Map<String, String> overrides) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Instant h = start; !h.isAfter(end); h = h.plus(Duration.ofHours(1))) {
      LocalDate day = LocalDate.ofInstant(h, ZoneOffset.UTC);
      rows.add(row(op, NETWORK, "hour:" + h, day, h, 0, overrides));
    }
    return rows;
  }

  /**
   * The rows of a state day: one provider's row when {@code minerId} is given; every provider of
   * the synthetic population when the operation is per storage provider; a top-N list when a field
   * declares {@code x-top-n}; otherwise the network's row.
   */
  public static List<Map<String, Object>> stateDay(
      OperationSpec op,
      LocalDate day,
      @Nullable String minerId,
      int providerPopulation,
      Map<String, String> overrides) {
    List<Map<String, Object>> rows = new ArrayList<>();
    FieldSpec rank = op.rankField();
    if (minerId != null) {
      rows.add(provider(op, minerId, day, 0, overrides));
    } else if (op.perStorageProvider()) {
      for (int k = 0; k < providerPopulation; k++) {
        String miner = providerId(k);
        Map<String, String> withMiner = new LinkedHashMap<>(overrides);
        withMiner.put("miner_id", miner);
        rows.add(provider(op, miner, day, k, withMiner));
      }
    } else if (rank != null) {
      for (int k = 0; k < rank.rules().topN(); k++) {
        rows.add(row(op, "rank:" + k, "rank:" + k + ":" + day, day, midnight(day), k, overrides));
      }
      rankDescending(rank, rows);
    } else {
      rows.add(row(op, NETWORK, "network:" + day, day, midnight(day), 0, overrides));
    }
    return rows;
  }

  private static Map<String, Object> provider(
      OperationSpec op, String miner, LocalDate day, int index, Map<String, String> overrides) {
    return row(
        op,
        "provider:" + miner,
        "provider:" + miner + ":" + day,
        day,
        midnight(day),
        index,
        overrides);
  }

  /**
   * One page of the paged deal search. The population matching the filters is one deal for a {@code
   * deal_id}, otherwise {@code population} deals, ordered by deal id; every row carries the filter
   * values.
   */
  public static List<Map<String, Object>> dealPage(
      OperationSpec op, Map<String, String> filters, int page, int pageSize, int population) {
    String filterKey = filters.toString();
    int total = filters.containsKey("deal_id") ? 1 : population;
    long base = 1_000_000 + Math.floorMod(Seeds.of("deals", filterKey), 60_000_000L);
    List<Map<String, Object>> rows = new ArrayList<>();
    long first = (long) page * pageSize;
    for (long i = first; i < Math.min(total, first + pageSize); i++) {
      Map<String, String> withId = new LinkedHashMap<>(filters);
      long dealId = base + i * 100 + Math.floorMod(Seeds.of(filterKey, Long.toString(i)), 100L);
      withId.putIfAbsent("deal_id", Long.toString(dealId));
      String deal = "deal:" + withId.get("deal_id");
      rows.add(row(op, deal, deal, DEAL_ERA, midnight(DEAL_ERA), (int) i, withId));
    }
    return rows;
  }

  /** The k-th provider of the synthetic population; ids ascend from f010000. */
  public static String providerId(int k) {
    return "f0"
        + (10_000L + k * 1_987L + Math.floorMod(Seeds.of("provider", Integer.toString(k)), 1_000L));
  }

  static Instant midnight(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  static long epochAt(Instant t) {
    return Math.floorDiv(t.getEpochSecond() - GENESIS.getEpochSecond(), 30L);
  }

  static Instant timeOfEpoch(long epoch) {
    return GENESIS.plusSeconds(epoch * 30L);
  }

  private static Map<String, Object> row(
      OperationSpec op,
      String series,
      String rowKey,
      LocalDate day,
      Instant rowInstant,
      int index,
      Map<String, String> overrides) {
    long rowSeed = Seeds.of(op.path(), rowKey);
    Seeds.Stream shared = new Seeds.Stream(rowSeed);
    // A row's epochs tell one story: start, a duration, then events within it.
    long anchor = epochAt(rowInstant) - shared.between(0, 400L * EPOCHS_PER_DAY);
    long duration = shared.between(180L * EPOCHS_PER_DAY, 540L * EPOCHS_PER_DAY);
    return RowValues.build(
        op,
        new ValueGenerator.Ctx(op, rowSeed, series, day, rowInstant, index, anchor, duration),
        overrides);
  }

  /**
   * A top-N list: rows in descending order of the {@code x-ranked-by} field, ranks 1 to N. Without
   * {@code x-ranked-by} the rows keep their order.
   */
  private static void rankDescending(FieldSpec rank, List<Map<String, Object>> rows) {
    String by = rank.rules().rankedBy();
    if (by != null) {
      rows.sort(
          Comparator.comparing(
              (Map<String, Object> row) -> RowValues.decimal(row.get(by)),
              Comparator.reverseOrder()));
    }
    for (int i = 0; i < rows.size(); i++) {
      rows.get(i).put(rank.name(), i + 1L);
    }
  }
}
