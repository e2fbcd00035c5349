package io.github.spacescopejava.testkit.internal;

import io.github.spacescopejava.testkit.internal.OperationSpec.FieldSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The value of one field of one row, before the row's relations are applied ({@link RowValues}).
 *
 * <p>Numbers follow the field's {@code x-typical-magnitude} (D26): a level per series (the network,
 * a provider, a rank) around the magnitude, moving smoothly from week to week; a field marked
 * {@code x-cumulative} grows with the days since mainnet genesis and never falls. Fields the docs
 * give no magnitude for (their example is zero or absent) fall back to a size guessed from the
 * field's name. Identifiers, epochs, piece sizes and ranks follow the structure of the data.
 */
final class ValueGenerator {
  static final LocalDate GENESIS_DAY = LocalDate.of(2020, 8, 24);

  /**
   * The day the documented examples mostly describe; a cumulative field is at its magnitude then.
   */
  private static final long REFERENCE_AGE_DAYS =
      LocalDate.of(2022, 7, 1).toEpochDay() - GENESIS_DAY.toEpochDay();

  private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
  private static final BigInteger GIB = BigInteger.valueOf(1L << 30);

  private ValueGenerator() {}

  /**
   * Where a value is generated.
   *
   * @param op the operation
   * @param rowSeed the seed of the row (operation, series and day)
   * @param series what the row describes over time: {@code network}, a provider, a rank, a deal
   * @param day the row's day
   * @param rowInstant the row's day or hour
   * @param index the row's position in its population
   * @param anchorEpoch the epoch a row's story starts at
   * @param durationEpochs how long that story lasts
   */
  record Ctx(
      OperationSpec op,
      long rowSeed,
      String series,
      LocalDate day,
      Instant rowInstant,
      int index,
      long anchorEpoch,
      long durationEpochs) {
    Seeds.Stream stream(String field) {
      return new Seeds.Stream(Seeds.combine(rowSeed, Seeds.of(field)));
    }

    /** Constant over the days of one series. */
    Seeds.Stream seriesStream(String field) {
      return new Seeds.Stream(Seeds.of(op.path(), series, field));
    }
  }

  static Object value(FieldSpec f, Ctx ctx) {
    String name = f.name().toLowerCase(Locale.ROOT);
    return switch (f.type()) {
      case NUMBER -> number(f, name, ctx);
      case INTEGER -> integer(f, name, ctx);
      case BOOLEAN -> ctx.stream(name).chance(name.contains("verified") ? 0.7 : 0.5);
      case INTEGER_STRING -> integerString(name, ctx);
      case DATE -> ctx.day().toString();
      case DATE_TIME -> dateTime(name, ctx);
      case ARRAY -> List.of();
      case OBJECT -> Map.of();
      case STRING -> string(name, ctx);
    };
  }

  /** Writes a double in the field's wire form: a {@code Long}, a whole or a decimal number. */
  static Object wire(FieldSpec f, double v) {
    if (f.type() == OperationSpec.FieldType.INTEGER) {
      return Math.round(v);
    }
    boolean whole =
        f.rules().wholeNumber() || (!hasMagnitude(f) && isBytes(f.name().toLowerCase(Locale.ROOT)));
    return whole ? WireNumbers.whole(v) : WireNumbers.decimal(v);
  }

  // ---- values from declared magnitudes -------------------------------------------------------

  /**
   * The size of a series: the declared magnitude (or, where the docs give none, a size guessed from
   * the name) times a level fixed per series, within a factor of 1.5 either way.
   */
  private static double level(FieldSpec f, String name, Ctx ctx) {
    Seeds.Stream series = ctx.seriesStream(name);
    double magnitude =
        hasMagnitude(f)
            ? f.rules().typicalMagnitude().doubleValue()
            : guessedMagnitude(name, ctx, series);
    return magnitude * Math.exp(0.4 * (2 * series.nextDouble() - 1));
  }

  private static double declared(FieldSpec f, String name, Ctx ctx) {
    double level = level(f, name, ctx);
    if (f.rules().cumulative()) {
      // level * (age + u) / reference age: rises by at least 0 from one day to the next, since
      // u in [0, 1) changes by less than the one day added.
      long age = ctx.day().toEpochDay() - GENESIS_DAY.toEpochDay();
      double u = ctx.stream(name + "#cumulative").nextDouble();
      return Math.max(0, level * (age + u) / REFERENCE_AGE_DAYS);
    }
    return level * weekly(name, ctx) * (0.95 + 0.1 * ctx.stream(name).nextDouble());
  }

  /** A factor in [0.7, 1.3] moving linearly between random weekly knots. */
  private static double weekly(String name, Ctx ctx) {
    long day = ctx.day().toEpochDay();
    long week = Math.floorDiv(day, 7);
    double t = (day - week * 7) / 7.0;
    double a = knot(name, ctx, week);
    double b = knot(name, ctx, week + 1);
    return a + (b - a) * t;
  }

  private static double knot(String name, Ctx ctx, long week) {
    return 0.7
        + 0.6
            * new Seeds.Stream(Seeds.of(ctx.op().path(), ctx.series(), name, Long.toString(week)))
                .nextDouble();
  }

  private static boolean hasMagnitude(FieldSpec f) {
    return f.rules().typicalMagnitude() != null && f.rules().typicalMagnitude().signum() != 0;
  }

  // ---- numbers -------------------------------------------------------------------------------

  private static Object number(FieldSpec f, String name, Ctx ctx) {
    if (name.contains("piece_size")) {
      // Padded pieces are powers of two; the unpadded size is 127/128 of it.
      long padded = 1L << ctx.stream("piece_size").between(20, 37);
      return BigDecimal.valueOf(name.startsWith("unpadded") ? padded - padded / 128 : padded);
    }
    if (name.equals("sector_size")) {
      return new BigDecimal(
          GIB.multiply(BigInteger.valueOf(ctx.stream(name).chance(0.8) ? 32 : 64)));
    }
    return wire(f, declared(f, name, ctx));
  }

  /**
   * A size guessed from the field's name, where the docs give no magnitude (their example is zero,
   * or the field is only in the docs' table).
   */
  private static double guessedMagnitude(String name, Ctx ctx, Seeds.Stream r) {
    boolean perProvider = ctx.op().perStorageProvider();
    if (name.contains("pct") || name.contains("percent")) {
      return 10 + r.nextDouble() * 40;
    }
    if (name.contains("days") || name.contains("duration")) {
      return name.contains("fault") ? 1 + r.nextDouble() * 20 : 180 + r.nextDouble() * 700;
    }
    if (name.contains("ratio") || name.endsWith("_rate")) {
      return 0.1 + r.nextDouble() * 0.5;
    }
    if (isFil(name)) {
      return name.contains("price")
          ? r.logBetween(1e-12, 1e-8)
          : r.logBetween(1e-3, perProvider ? 2e3 : 2e5);
    }
    if (isBytes(name)) {
      return r.logBetween(1e12, perProvider ? 5e14 : 5e16);
    }
    if (name.contains("gas")) {
      return r.logBetween(1e9, 5e13);
    }
    if (isCount(name)) {
      return r.logBetween(1, 1e6);
    }
    return r.logBetween(1e-2, 1e6);
  }

  private static boolean isFil(String n) {
    for (String w :
        new String[] {
          "fil", "pledge", "reward", "fee", "cost", "balance", "collateral", "price", "funds",
          "burn", "tip", "revenue", "profit", "value", "deposit", "penalty", "return", "debt"
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

  private static long integer(FieldSpec f, String name, Ctx ctx) {
    Seeds.Stream r = ctx.stream(name);
    if (f.rules().topN() > 0) {
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
    if (hasMagnitude(f) || f.rules().cumulative()) {
      return Math.round(declared(f, name, ctx));
    }
    boolean perProvider = ctx.op().perStorageProvider();
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
      return start - r.between(0, RowSynthesizer.EPOCHS_PER_DAY * 3L);
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
      return attoFil(r.logBetween(1e14, 5e18));
    }
    return attoFil(r.logBetween(1e12, 1e19));
  }

  /** attoFIL are exact integers on chain: every digit is written, as the API's strings do. */
  private static String attoFil(double v) {
    return new BigDecimal(v).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String dateTime(String name, Ctx ctx) {
    if (name.equals(ctx.op().rowDateField())) {
      return ctx.rowInstant().toString();
    }
    Seeds.Stream r = ctx.stream(name);
    Instant midnight = RowSynthesizer.midnight(ctx.day());
    Instant t;
    if (name.equals("stat_date")) {
      t = midnight;
    } else if (name.equals("interest_date")) {
      t = midnight.plus(Duration.ofDays(r.between(1, 540)));
    } else if (name.startsWith("onboarding") || name.contains("created")) {
      t = midnight.minus(Duration.ofDays(r.between(30, 1_500)));
    } else if (name.startsWith("start")) {
      t = RowSynthesizer.timeOfEpoch(ctx.anchorEpoch());
    } else if (name.startsWith("end") || name.startsWith("expir")) {
      t = RowSynthesizer.timeOfEpoch(ctx.anchorEpoch() + ctx.durationEpochs());
    } else if (name.startsWith("record")) {
      t = RowSynthesizer.timeOfEpoch(ctx.anchorEpoch() + r.between(0, ctx.durationEpochs()));
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
}
