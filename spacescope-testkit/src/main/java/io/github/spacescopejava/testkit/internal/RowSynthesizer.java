package io.github.spacescopejava.testkit.internal;

import io.github.spacescopejava.testkit.internal.OperationSpec.FieldSpec;
import io.github.spacescopejava.testkit.internal.OperationSpec.FieldType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Synthetic rows that look like the real API's: every property of the row schema, with its wire
 * type and a magnitude guessed from its name (bytes beyond {@code long}, FIL with 18 decimals,
 * attoFIL integer strings, chain epochs, {@code f0} ids).
 *
 * <p>Deterministic: a value depends only on the operation's path, the row's key (its day, hour,
 * provider or deal) and the field's name, so overlapping requests agree on the rows they share and
 * the same request gives the same bytes on every run. Values of a row do not depend on the window
 * it was asked in, nor on the clock.
 */
public final class RowSynthesizer {
  /** Filecoin mainnet genesis; one epoch every 30 seconds. */
  static final Instant GENESIS = Instant.parse("2020-08-24T22:00:00Z");

  static final int EPOCHS_PER_DAY = 2880;
  private static final LocalDate DEAL_ERA = LocalDate.of(2024, 1, 1);
  private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
  private static final BigInteger GIB = BigInteger.valueOf(1L << 30);

  private RowSynthesizer() {}

  /** One row per day from {@code start} to {@code end}, inclusive, in order. */
  public static List<Map<String, Object>> dayRange(
      OperationSpec op, LocalDate start, LocalDate end, Map<String, String> overrides) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      rows.add(row(op, "day:" + d, d, midnight(d), 0, overrides));
    }
    return rows;
  }

  /** One row per hour from {@code start} to {@code end}, inclusive, in order. */
  public static List<Map<String, Object>> hourly(
      OperationSpec op, Instant start, Instant end, Map<String, String> overrides) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Instant h = start; !h.isAfter(end); h = h.plus(Duration.ofHours(1))) {
      rows.add(row(op, "hour:" + h, LocalDate.ofInstant(h, ZoneOffset.UTC), h, 0, overrides));
    }
    return rows;
  }

  /**
   * The rows of a state day: one provider's row when {@code minerId} is given; every provider of
   * the synthetic population when the operation is per storage provider; otherwise the network's
   * row, or a top-10 list when the row has a {@code *_rank} field.
   */
  public static List<Map<String, Object>> stateDay(
      OperationSpec op,
      LocalDate day,
      @Nullable String minerId,
      int providerPopulation,
      Map<String, String> overrides) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (minerId != null) {
      rows.add(row(op, "provider:" + minerId + ":" + day, day, midnight(day), 0, overrides));
    } else if (op.perStorageProvider()) {
      for (int k = 0; k < providerPopulation; k++) {
        String miner = providerId(k);
        Map<String, String> withMiner = new LinkedHashMap<>(overrides);
        withMiner.put("miner_id", miner);
        rows.add(row(op, "provider:" + miner + ":" + day, day, midnight(day), k, withMiner));
      }
    } else if (op.ranked()) {
      for (int k = 0; k < 10; k++) {
        rows.add(row(op, "rank:" + k + ":" + day, day, midnight(day), k, overrides));
      }
      sortDescendingByRank(op, rows);
    } else {
      rows.add(row(op, "network:" + day, day, midnight(day), 0, overrides));
    }
    return rows;
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
      rows.add(
          row(op, "deal:" + withId.get("deal_id"), DEAL_ERA, midnight(DEAL_ERA), (int) i, withId));
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
    Ctx ctx = new Ctx(op, rowSeed, day, rowInstant, index, anchor, duration);
    Map<String, Object> row = new LinkedHashMap<>();
    for (FieldSpec f : op.rowFields()) {
      String given = overrides.get(f.name());
      row.put(f.name(), given != null ? typed(f, given) : value(f, ctx));
    }
    return row;
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

  private record Ctx(
      OperationSpec op,
      long rowSeed,
      LocalDate day,
      Instant rowInstant,
      int index,
      long anchorEpoch,
      long durationEpochs) {
    Seeds.Stream stream(String field) {
      return new Seeds.Stream(Seeds.combine(rowSeed, Seeds.of(field)));
    }

    /** A per-field constant over every row of the operation: the level a series moves around. */
    Seeds.Stream fieldStream(String field) {
      return new Seeds.Stream(Seeds.of(op.path(), field));
    }
  }

  static Object value(FieldSpec f, Ctx ctx) {
    String name = f.name().toLowerCase(Locale.ROOT);
    return switch (f.type()) {
      case NUMBER -> number(name, ctx);
      case INTEGER -> integer(name, ctx);
      case BOOLEAN -> ctx.stream(name).chance(name.contains("verified") ? 0.7 : 0.5);
      case INTEGER_STRING -> integerString(name, ctx);
      case DATE -> ctx.day().toString();
      case DATE_TIME -> dateTime(name, ctx);
      case ARRAY -> List.of();
      case OBJECT -> Map.of();
      case STRING -> string(name, ctx);
    };
  }

  // ---- numbers -------------------------------------------------------------------------------

  private static BigDecimal number(String name, Ctx ctx) {
    boolean perProvider = ctx.op().perStorageProvider();
    Seeds.Stream r = ctx.stream(name);
    if (name.contains("pct") || name.contains("percent")) {
      return decimal(r.nextDouble() * 100, 4);
    }
    if (name.contains("days") || name.contains("duration")) {
      return decimal(name.contains("fault") ? r.nextDouble() * 30 : 30 + r.nextDouble() * 1_400, 2);
    }
    if (name.contains("piece_size")) {
      // Padded pieces are powers of two; the unpadded size is 127/128 of it.
      long padded = 1L << ctx.stream("piece_size").between(20, 37);
      return BigDecimal.valueOf(name.startsWith("unpadded") ? padded - padded / 128 : padded);
    }
    if (name.equals("base_fee")) {
      return decimal(r.logBetween(1e-16, 1e-9), 18); // FIL per gas unit
    }
    if (name.contains("ratio") || name.endsWith("_rate")) {
      return decimal(r.nextDouble(), 8);
    }
    if (name.equals("sector_size")) {
      return new BigDecimal(GIB.multiply(BigInteger.valueOf(r.chance(0.8) ? 32 : 64)));
    }
    if (isFil(name)) {
      if (name.contains("price")) {
        return decimal(r.logBetween(1e-12, 1e-8), 18);
      }
      if (isStock(name) && !perProvider) {
        return decimal(trend(name, ctx, 1e6, 6e8), 18);
      }
      return decimal(r.logBetween(1e-3, perProvider ? 2e3 : 2e5), 18);
    }
    if (name.endsWith("_tb")) {
      return decimal(r.logBetween(1, 5e4), 4);
    }
    if (name.endsWith("_gb")) {
      return decimal(r.logBetween(1e3, 5e7), 2);
    }
    if (isBytes(name)) {
      boolean networkTotal =
          name.contains("baseline")
              || (name.startsWith("total") || name.contains("power")) && !isDelta(name);
      if (networkTotal && !perProvider) {
        // Network power is beyond the range of long: about 2e19 bytes.
        return decimal(trend(name, ctx, 1.0e19, 3.0e19), 0);
      }
      if (isDelta(name)) {
        return decimal(r.logBetween(1e12, perProvider ? 5e14 : 5e16), 0);
      }
      return decimal(r.logBetween(1e12, perProvider ? 5e17 : 1e18), 0);
    }
    if (name.contains("gas")) {
      return decimal(r.logBetween(1e9, 5e13), 2);
    }
    if (isCount(name)) {
      return decimal(r.logBetween(1, 1e6), 2);
    }
    return decimal(r.logBetween(1e-2, 1e6), 6);
  }

  /** A stock (a total) grows slowly day by day around a level fixed per field. */
  private static double trend(String name, Ctx ctx, double low, double high) {
    double level = low + (high - low) * ctx.fieldStream(name).nextDouble();
    long days = ctx.day().toEpochDay() - LocalDate.of(2022, 1, 1).toEpochDay();
    double growth = 1 + 0.0004 * days;
    double noise = 1 + 0.002 * (ctx.stream(name).nextDouble() - 0.5);
    return Math.max(low / 4, level * growth * noise);
  }

  private static BigDecimal decimal(double value, int scale) {
    return new BigDecimal(value).setScale(scale, RoundingMode.HALF_EVEN);
  }

  private static boolean isFil(String n) {
    for (String w :
        new String[] {
          "fil",
          "pledge",
          "reward",
          "fee",
          "cost",
          "balance",
          "collateral",
          "price",
          "funds",
          "burn",
          "tip",
          "revenue",
          "profit",
          "value",
          "deposit",
          "penalty",
          "return",
          "debt"
        }) {
      if (n.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isBytes(String n) {
    for (String w :
        new String[] {
          "byte",
          "power",
          "size",
          "qap",
          "rbp",
          "baseline",
          "fault",
          "term",
          "extend",
          "recover",
          "snap",
          "expire"
        }) {
      if (n.contains(w)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isStock(String n) {
    return (n.startsWith("total")
            || n.startsWith("circulating")
            || n.startsWith("locked")
            || n.startsWith("mined")
            || n.startsWith("vested")
            || n.startsWith("burnt")
            || n.startsWith("reserve")
            || n.contains("balance")
            || n.contains("locked"))
        && !isDelta(n);
  }

  private static boolean isDelta(String n) {
    return n.contains("increase")
        || n.contains("new_")
        || n.startsWith("daily")
        || n.endsWith("_d")
        || n.contains("last_week");
  }

  private static boolean isCount(String n) {
    return n.contains("count")
        || n.contains("txn")
        || n.contains("num")
        || n.contains("client")
        || n.contains("user")
        || n.contains("message")
        || n.contains("sector");
  }

  // ---- integers ------------------------------------------------------------------------------

  private static long integer(String name, Ctx ctx) {
    Seeds.Stream r = ctx.stream(name);
    boolean perProvider = ctx.op().perStorageProvider();
    if (name.endsWith("_rank")) {
      return ctx.index() + 1L;
    }
    if (name.contains("epoch")) {
      return epoch(name, ctx, r);
    }
    if (name.equals("deal_id")) {
      return r.between(1_000_000, 80_000_000);
    }
    if (name.equals("method")) {
      return r.between(0, 30);
    }
    if (name.contains("fault_num")) {
      return r.chance(0.8) ? 0 : r.between(1, 10);
    }
    if (name.equals("blocks_mined") || name.equals("win_count")) {
      return r.between(0, 40);
    }
    if (name.startsWith("total") || name.startsWith("active")) {
      return perProvider ? r.between(1_000, 2_000_000) : r.between(100_000, 50_000_000);
    }
    return perProvider ? r.between(0, 5_000) : r.between(0, 500_000);
  }

  private static long epoch(String name, Ctx ctx, Seeds.Stream r) {
    long start = ctx.anchorEpoch();
    long end = start + ctx.durationEpochs();
    if (name.startsWith("start")) {
      return start;
    }
    if (name.startsWith("activation")) {
      return start - r.between(0, EPOCHS_PER_DAY * 3L);
    }
    if (name.startsWith("end") || name.startsWith("expiration")) {
      return end;
    }
    if (name.startsWith("termination") || name.startsWith("snap") || name.startsWith("last_")) {
      // -1 is the API's "never".
      return r.chance(0.75) ? -1 : start + r.between(0, ctx.durationEpochs());
    }
    return start;
  }

  // ---- strings -------------------------------------------------------------------------------

  private static String integerString(String name, Ctx ctx) {
    Seeds.Stream r = ctx.stream(name);
    if (name.contains("price")) {
      return r.chance(0.3) ? "0" : Long.toString(r.between(1, 10_000_000_000L));
    }
    if (name.contains("collateral")) {
      if (name.startsWith("client") && r.chance(0.6)) {
        return "0";
      }
      return decimal(r.logBetween(1e14, 5e18), 0).toPlainString();
    }
    return decimal(r.logBetween(1e12, 1e19), 0).toPlainString();
  }

  private static String dateTime(String name, Ctx ctx) {
    if (name.equals(ctx.op().rowDateField())) {
      return ctx.rowInstant().toString();
    }
    Seeds.Stream r = ctx.stream(name);
    Instant midnight = midnight(ctx.day());
    Instant t;
    if (name.equals("stat_date")) {
      t = midnight;
    } else if (name.equals("interest_date")) {
      t = midnight.plus(Duration.ofDays(r.between(1, 540)));
    } else if (name.startsWith("onboarding") || name.contains("created")) {
      t = midnight.minus(Duration.ofDays(r.between(30, 1_500)));
    } else if (name.startsWith("start")) {
      t = timeOfEpoch(ctx.anchorEpoch());
    } else if (name.startsWith("end") || name.startsWith("expir")) {
      t = timeOfEpoch(ctx.anchorEpoch() + ctx.durationEpochs());
    } else if (name.startsWith("record")) {
      t = timeOfEpoch(ctx.anchorEpoch() + r.between(0, ctx.durationEpochs()));
    } else {
      t = midnight;
    }
    return t.toString();
  }

  private static String string(String name, Ctx ctx) {
    Seeds.Stream r = ctx.stream(name);
    if (name.equals("sector_id")) {
      return Long.toString(r.between(0, 2_000_000));
    }
    if (name.endsWith("_id") || name.equals("miner")) {
      boolean client = name.startsWith("client");
      return "f0" + (client ? r.between(1_000_000, 3_500_000) : r.between(10_000, 3_000_000));
    }
    if (name.contains("address")) {
      return r.chance(0.7) ? "f1" + base32(r, 39) : "f3" + base32(r, 84);
    }
    if (name.contains("cid")) {
      return "baga6ea4seaq" + base32(r, 52);
    }
    if (name.contains("status")) {
      return pick(r, "active", "active", "active", "expired", "slashed", "published");
    }
    if (name.equals("actor_family")) {
      return pick(r, "storageminer", "storagemarket", "multisig", "account", "evm", "verifreg");
    }
    if (name.equals("method_name")) {
      return pick(
          r,
          "PreCommitSectorBatch2",
          "ProveCommitAggregate",
          "SubmitWindowedPoSt",
          "PublishStorageDeals",
          "ExtendSectorExpiration2",
          "InvokeContract");
    }
    if (name.contains("metric")) {
      return pick(r, "gas_used", "gas_fee", "message_count");
    }
    if (name.contains("key")) {
      return pick(r, "p10", "p25", "p50", "p75", "p90");
    }
    return name + "-" + base32(r, 6);
  }

  private static String base32(Seeds.Stream r, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(BASE32.charAt(r.nextInt(32)));
    }
    return b.toString();
  }

  private static String pick(Seeds.Stream r, String... choices) {
    return choices[r.nextInt(choices.length)];
  }

  /** In a top-10 list, every measure falls as the rank rises. */
  private static void sortDescendingByRank(OperationSpec op, List<Map<String, Object>> rows) {
    for (FieldSpec f : op.rowFields()) {
      if (f.name().endsWith("_rank")
          || (f.type() != FieldType.NUMBER && f.type() != FieldType.INTEGER)) {
        continue;
      }
      List<Object> values = new ArrayList<>();
      rows.forEach(row -> values.add(row.get(f.name())));
      values.sort(
          Comparator.comparing(v -> new BigDecimal(v.toString()), Comparator.reverseOrder()));
      for (int i = 0; i < rows.size(); i++) {
        rows.get(i).put(f.name(), values.get(i));
      }
    }
  }
}
