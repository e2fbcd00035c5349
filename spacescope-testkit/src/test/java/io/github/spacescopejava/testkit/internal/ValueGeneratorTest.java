package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.spacescopejava.testkit.internal.OperationSpec.FieldSpec;
import io.github.spacescopejava.testkit.internal.OperationSpec.FieldType;
import io.github.spacescopejava.testkit.internal.OperationSpec.Shape;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The values of the fake's rows (D26): numbers near the magnitude the spec declares, or a size that
 * fits the field's name where it declares none; identifiers, epochs, amounts and times in the forms
 * and ranges of the live data; the same value for the same field, series and day on every run.
 *
 * <p>Every bound below follows from the generator's documented factors: a series' level lies within
 * e^±0.4 of its magnitude, the weekly factor within [0.7, 1.3], the daily noise within [0.95,
 * 1.05]; so a value lies within [0.44, 2.04] times its magnitude.
 */
class ValueGeneratorTest {
  private static final double LOW = 0.7 * 0.95 / Math.exp(0.4);
  private static final double HIGH = 1.3 * 1.05 * Math.exp(0.4);
  private static final LocalDate DAY = LocalDate.of(2022, 7, 1);
  private static final long ANCHOR = 500_000;
  private static final long DURATION = 365L * RowSynthesizer.EPOCHS_PER_DAY;
  private static final String BASE32 = "[a-z2-7]";

  private static OperationSpec op(boolean perProvider, FieldSpec field) {
    return new OperationSpec(
        "/v2/test/values",
        "Test_values",
        Shape.DAY_RANGE,
        31,
        perProvider,
        "hour_date",
        false,
        List.of(),
        Map.of(),
        List.of(field));
  }

  /** The place of a value, as RowSynthesizer makes it, with a fixed story of epochs. */
  private static ValueGenerator.Ctx ctx(OperationSpec op, String series, LocalDate day, int index) {
    Instant midnight = RowSynthesizer.midnight(day);
    return new ValueGenerator.Ctx(
        op,
        Seeds.of(op.path(), series + ":" + day),
        series,
        day,
        midnight.plus(Duration.ofHours(5)),
        index,
        ANCHOR,
        DURATION);
  }

  private static Object value(FieldSpec f, boolean perProvider, String series, LocalDate day) {
    OperationSpec op = op(perProvider, f);
    return ValueGenerator.value(f, ctx(op, series, day, 0));
  }

  /** The values of {@code f} for {@code n} series on one day. */
  private static List<Object> values(FieldSpec f, boolean perProvider, int n) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(value(f, perProvider, "series-" + i, DAY.plusDays(i % 11)));
    }
    return out;
  }

  private static List<Double> doubles(List<Object> values) {
    return values.stream().map(v -> new BigDecimal(v.toString()).doubleValue()).toList();
  }

  private static FieldSpec field(String name, FieldType type) {
    return new FieldSpec(name, type, false);
  }

  private static FieldSpec withMagnitude(String name, FieldType type, String magnitude) {
    return new FieldSpec(
        name,
        type,
        false,
        new FieldRules(new BigDecimal(magnitude), false, false, List.of(), List.of(), 0, null));
  }

  private static FieldSpec cumulative(String name, String magnitude) {
    return new FieldSpec(
        name,
        FieldType.NUMBER,
        false,
        new FieldRules(new BigDecimal(magnitude), false, true, List.of(), List.of(), 0, null));
  }

  private static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
  }

  private static double share(List<Object> values, Function<Object, Boolean> test) {
    return values.stream().filter(test::apply).count() / (double) values.size();
  }

  @Nested
  class Determinism {
    @Test
    void theSameFieldSeriesAndDayGiveTheSameValue() {
      for (FieldSpec f :
          List.of(
              withMagnitude("raw_byte_power", FieldType.NUMBER, "1e18"),
              field("piece_cid", FieldType.STRING),
              field("deal_id", FieldType.INTEGER),
              field("storage_price", FieldType.INTEGER_STRING))) {
        assertThat(value(f, false, "network", DAY))
            .as(f.name())
            .isEqualTo(value(f, false, "network", DAY));
      }
    }

    @Test
    void anotherDayOrAnotherSeriesGivesAnotherValue() {
      FieldSpec f = withMagnitude("raw_byte_power", FieldType.NUMBER, "1e18");

      assertThat(value(f, false, "network", DAY))
          .isNotEqualTo(value(f, false, "network", DAY.plusDays(1)))
          .isNotEqualTo(value(f, false, "provider:f01234", DAY));
    }
  }

  @Nested
  class DeclaredMagnitudes {
    @Test
    void numbersStayWithinTheirFactorsOfTheDeclaredMagnitudeAndSpreadOverThem() {
      FieldSpec f = withMagnitude("network_power", FieldType.NUMBER, "2e15");
      List<Double> ratios = doubles(values(f, false, 2_000)).stream().map(v -> v / 2e15).toList();

      assertThat(min(ratios)).isBetween(LOW, 0.6);
      assertThat(max(ratios)).isBetween(1.6, HIGH);
    }

    @Test
    void aSeriesMovesSmoothlyFromDayToDay() {
      FieldSpec f = withMagnitude("network_power", FieldType.NUMBER, "2e15");
      for (int s = 0; s < 20; s++) {
        double previous = Double.NaN;
        for (int d = 0; d < 120; d++) {
          double v = Double.parseDouble(value(f, false, "series-" + s, DAY.plusDays(d)).toString());
          if (!Double.isNaN(previous)) {
            // The weekly factor moves by at most 0.6 / 7 a day on at least 0.7, the noise is
            // within [0.95, 1.05]: a day is within [0.79, 1.24] of the day before.
            assertThat(v / previous)
                .isBetween(0.95 / 1.05 * (1 - 0.6 / 7 / 0.7), 1.05 / 0.95 * (1 + 0.6 / 7 / 0.7));
          }
          previous = v;
        }
      }
    }

    @Test
    void decimalsCarryAFractionAndWholeNumbersDoNot() {
      FieldSpec decimal = withMagnitude("fil_per_tib", FieldType.NUMBER, "0.5");
      FieldSpec whole =
          new FieldSpec(
              "sector_count",
              FieldType.NUMBER,
              false,
              new FieldRules(new BigDecimal("5e6"), true, false, List.of(), List.of(), 0, null));
      FieldSpec integer = withMagnitude("message_count", FieldType.INTEGER, "1e6");

      assertThat(values(decimal, false, 50))
          .allSatisfy(v -> assertThat(((BigDecimal) v).stripTrailingZeros().scale()).isPositive());
      assertThat(values(whole, false, 50))
          .allSatisfy(
              v -> assertThat(((BigDecimal) v).stripTrailingZeros().scale()).isNotPositive());
      List<Object> integers = values(integer, false, 500);
      assertThat(integers).allSatisfy(v -> assertThat(v).isInstanceOf(Long.class));
      assertThat(min(doubles(integers))).isBetween(1e6 * LOW, 1e6 * 0.6);
      assertThat(max(doubles(integers))).isBetween(1e6 * 1.6, 1e6 * HIGH);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
      "an integer is rounded,             INTEGER, , false, 2.6, 3",
      "a whole number is rounded,         NUMBER,  , true,  2.6, 3",
      "a size without magnitude is whole, NUMBER,  , false, 2.6, 3",
      "a size with a magnitude is not,    NUMBER, 5, false, 2.6, 2.6",
    })
    void theWireFormFollowsTheFieldsRules(
        String what, FieldType type, String magnitude, boolean whole, double v, String wire) {
      FieldSpec f =
          new FieldSpec(
              "sector_size_bytes",
              type,
              false,
              new FieldRules(
                  magnitude == null ? null : new BigDecimal(magnitude),
                  whole,
                  false,
                  List.of(),
                  List.of(),
                  0,
                  null));

      assertThat(ValueGenerator.wire(f, v).toString()).isEqualTo(wire);
      assertThat(ValueGenerator.wire(field("gas_ratio", FieldType.NUMBER), 2.6))
          .isEqualTo(new BigDecimal("2.6"));
    }
  }

  @Nested
  class Cumulative {
    private final FieldSpec total = cumulative("total_sealed_sectors", "3e6");

    private double at(String series, LocalDate day) {
      return Double.parseDouble(value(total, false, series, day).toString());
    }

    @Test
    void aCumulativeFieldNeverFalls() {
      for (String series : List.of("network", "provider:f01234", "provider:f05678")) {
        double previous = -1;
        for (LocalDate d = ValueGenerator.GENESIS_DAY;
            d.isBefore(LocalDate.of(2025, 1, 1));
            d = d.plusDays(3)) {
          double v = at(series, d);
          assertThat(v).as(series + " " + d).isGreaterThanOrEqualTo(previous);
          previous = v;
        }
      }
    }

    @Test
    void itIsNearItsMagnitudeOnTheDocsDayAndGrowsInProportionToTheDaysSinceGenesis() {
      long age = DAY.toEpochDay() - ValueGenerator.GENESIS_DAY.toEpochDay();
      LocalDate twiceAsOld = DAY.plusDays(age);
      for (int s = 0; s < 50; s++) {
        String series = "series-" + s;
        double reference = at(series, DAY);
        assertThat(reference / 3e6).isBetween(Math.exp(-0.4), Math.exp(0.4) * (age + 1) / age);
        assertThat(at(series, twiceAsOld) / reference)
            .isBetween(2.0 * age / (age + 1), (2.0 * age + 1) / age);
        assertThat(at(series, ValueGenerator.GENESIS_DAY)).isLessThan(reference / age);
      }
    }
  }

  @Nested
  class GuessedMagnitudes {
    /** Fields the docs give no magnitude for: the range a name stands for, times the factors. */
    @ParameterizedTest(name = "{0} (per provider: {1})")
    @CsvSource({
      "reward_pct,          false, 10,    50",
      "deal_percent,        false, 10,    50",
      "avg_deal_days,       false, 180,   880",
      "avg_duration,        false, 180,   880",
      "fault_days,          false, 1,     21",
      "success_ratio,       false, 0.1,   0.6",
      "growth_rate,         false, 0.1,   0.6",
      "storage_price,       false, 1e-12, 1e-8",
      "total_pledge,        false, 1e-3,  2e5",
      "total_pledge,        true,  1e-3,  2e3",
      "raw_byte_power,      false, 1e12,  5e16",
      "raw_byte_power,      true,  1e12,  5e14",
      "base_gas_used,       false, 1e9,   5e13",
      "message_count,       false, 1,     1e6",
      "weight,              false, 1e-2,  1e6",
    })
    void aNameStandsForASize(String name, boolean perProvider, double low, double high) {
      List<Double> v = doubles(values(field(name, FieldType.NUMBER), perProvider, 600));

      assertThat(min(v)).isBetween(low * LOW, low * 2);
      assertThat(max(v)).isBetween(high / 2, high * HIGH);
    }
  }

  @Nested
  class Shapes {
    @Test
    void paddedPiecesArePowersOfTwoAndTheUnpaddedSizeIs127Of128() {
      FieldSpec padded = field("piece_size", FieldType.NUMBER);
      FieldSpec unpadded = field("unpadded_piece_size", FieldType.NUMBER);
      Set<Long> sizes = new HashSet<>();
      for (int i = 0; i < 400; i++) {
        long p = ((BigDecimal) value(padded, false, "s", DAY.plusDays(i))).longValueExact();
        long u = ((BigDecimal) value(unpadded, false, "s", DAY.plusDays(i))).longValueExact();
        assertThat(Long.bitCount(p)).isOne();
        assertThat(u).isEqualTo(p / 128 * 127);
        sizes.add(p);
      }
      assertThat(sizes).contains(1L << 20, 1L << 36).doesNotContain(1L << 19, 1L << 37);
    }

    @Test
    void sectorsAre32Or64GibMostly32() {
      List<Object> sizes = values(field("sector_size", FieldType.NUMBER), false, 1_000);

      assertThat(sizes)
          .allMatch(
              s -> s.equals(new BigDecimal(32L << 30)) || s.equals(new BigDecimal(64L << 30)));
      assertThat(share(sizes, s -> s.equals(new BigDecimal(32L << 30))))
          .isCloseTo(0.8, within(0.05));
    }

    @Test
    void aTopNRankIsThePositionInTheList() {
      FieldSpec rank =
          new FieldSpec(
              "rank",
              FieldType.INTEGER,
              false,
              new FieldRules(null, false, false, List.of(), List.of(), 100, "power"));
      OperationSpec op = op(false, rank);

      assertThat(ValueGenerator.value(rank, ctx(op, "rank:0", DAY, 0))).isEqualTo(1L);
      assertThat(ValueGenerator.value(rank, ctx(op, "rank:41", DAY, 41))).isEqualTo(42L);
    }

    @Test
    void epochsTellTheRowsStory() {
      assertThat(value(field("start_epoch", FieldType.INTEGER), false, "s", DAY)).isEqualTo(ANCHOR);
      assertThat(value(field("height_epoch", FieldType.INTEGER), false, "s", DAY))
          .isEqualTo(ANCHOR);
      assertThat(value(field("end_epoch", FieldType.INTEGER), false, "s", DAY))
          .isEqualTo(ANCHOR + DURATION);
      assertThat(value(field("expiration_epoch", FieldType.INTEGER), false, "s", DAY))
          .isEqualTo(ANCHOR + DURATION);

      List<Double> activation =
          doubles(values(field("activation_epoch", FieldType.INTEGER), false, 500));
      assertThat(min(activation))
          .isBetween(
              ANCHOR - 3.0 * RowSynthesizer.EPOCHS_PER_DAY,
              ANCHOR - 2.5 * RowSynthesizer.EPOCHS_PER_DAY);
      assertThat(max(activation))
          .isBetween(ANCHOR - 0.5 * RowSynthesizer.EPOCHS_PER_DAY, (double) ANCHOR);

      for (String name : List.of("termination_epoch", "snap_epoch", "last_update_epoch")) {
        List<Object> events = values(field(name, FieldType.INTEGER), false, 1_000);
        assertThat(share(events, e -> e.equals(-1L))).as(name).isCloseTo(0.75, within(0.05));
        List<Double> happened = doubles(events.stream().filter(e -> !e.equals(-1L)).toList());
        assertThat(min(happened)).as(name).isBetween((double) ANCHOR, ANCHOR + DURATION * 0.1);
        assertThat(max(happened))
            .as(name)
            .isBetween(ANCHOR + DURATION * 0.9, (double) ANCHOR + DURATION);
      }
    }

    @ParameterizedTest(name = "{0} (per provider: {1})")
    @CsvSource({
      "deal_id,           false, 1000000, 80000000",
      "method,            false, 0,       30",
      "blocks_mined,      false, 0,       40",
      "win_count,         true,  0,       40",
      "total_sectors,     true,  1000,    2000000",
      "active_sectors,    false, 100000,  50000000",
      "new_clients,       true,  0,       5000",
      "new_clients,       false, 0,       500000",
    })
    void integersFallInTheRangeTheirNameStandsFor(
        String name, boolean perProvider, long low, long high) {
      List<Double> v = doubles(values(field(name, FieldType.INTEGER), perProvider, 1_000));

      double percent = Math.ceil((high - low) * 0.01);
      assertThat(min(v)).isBetween((double) low, low + percent);
      assertThat(max(v)).isBetween(high - 1 - percent, high - 1.0);
    }

    @Test
    void faultsAreMostlyZero() {
      List<Object> faults = values(field("fault_num", FieldType.INTEGER), true, 1_000);

      assertThat(share(faults, f -> f.equals(0L))).isCloseTo(0.8, within(0.05));
      assertThat(doubles(faults)).allMatch(f -> f >= 0 && f < 10);
      assertThat(max(doubles(faults))).isEqualTo(9.0);
    }
  }

  @Nested
  class Amounts {
    private static final String DIGITS = "0|[1-9][0-9]*";

    @Test
    void attoFilAmountsAreWrittenInEveryDigit() {
      List<Object> fees = values(field("total_fee", FieldType.INTEGER_STRING), false, 800);

      assertThat(fees).allSatisfy(f -> assertThat((String) f).matches(DIGITS));
      List<Double> v = doubles(fees);
      assertThat(min(v)).isBetween(1e12, 3e12);
      assertThat(max(v)).isBetween(3e18, 1e19);
    }

    @Test
    void pricesAreZeroForAThirdOfTheDealsAndSmallOtherwise() {
      List<Object> prices =
          values(field("storage_price_per_epoch", FieldType.INTEGER_STRING), false, 1_000);

      assertThat(prices).allSatisfy(p -> assertThat((String) p).matches(DIGITS));
      assertThat(share(prices, "0"::equals)).isCloseTo(0.3, within(0.05));
      List<Double> paid = doubles(prices.stream().filter(p -> !p.equals("0")).toList());
      assertThat(min(paid)).isBetween(1.0, 1e9);
      assertThat(max(paid)).isBetween(9e9, 1e10);
    }

    @Test
    void clientsPutUpNoCollateralMoreOftenThanNotProvidersAlways() {
      List<Object> client =
          values(field("client_collateral", FieldType.INTEGER_STRING), false, 1_000);
      List<Object> provider =
          values(field("provider_collateral", FieldType.INTEGER_STRING), false, 1_000);

      assertThat(share(client, "0"::equals)).isCloseTo(0.6, within(0.05));
      assertThat(provider).doesNotContain("0");
      List<Double> v = doubles(provider);
      assertThat(min(v)).isBetween(1e14, 3e14);
      assertThat(max(v)).isBetween(2e18, 5e18);
      assertThat(min(doubles(client.stream().filter(c -> !c.equals("0")).toList())))
          .isGreaterThanOrEqualTo(1e14);
    }
  }

  @Nested
  class Times {
    private final Instant midnight = RowSynthesizer.midnight(DAY);

    private Instant time(String name) {
      return Instant.parse((String) value(field(name, FieldType.DATE_TIME), false, "s", DAY));
    }

    private List<Instant> times(String name) {
      return values(field(name, FieldType.DATE_TIME), false, 500).stream()
          .map(t -> Instant.parse((String) t))
          .toList();
    }

    @Test
    void theRowsOwnTimeIsItsHourAndAStatDateItsDay() {
      assertThat(time("hour_date")).isEqualTo(midnight.plus(Duration.ofHours(5)));
      assertThat(time("stat_date")).isEqualTo(midnight);
      assertThat(time("some_other_time")).isEqualTo(midnight);
      assertThat(value(field("day", FieldType.DATE), false, "s", DAY)).isEqualTo("2022-07-01");
    }

    @Test
    void timesOfTheRowsStoryFollowItsEpochs() {
      assertThat(time("start_time")).isEqualTo(RowSynthesizer.timeOfEpoch(ANCHOR));
      assertThat(time("end_time")).isEqualTo(RowSynthesizer.timeOfEpoch(ANCHOR + DURATION));
      assertThat(time("expiration_time")).isEqualTo(RowSynthesizer.timeOfEpoch(ANCHOR + DURATION));
      assertThat(times("record_time"))
          .allSatisfy(
              t ->
                  assertThat(t)
                      .isBetween(
                          RowSynthesizer.timeOfEpoch(ANCHOR),
                          RowSynthesizer.timeOfEpoch(ANCHOR + DURATION)));
    }

    /** Whole days from each row's own midnight to the time of {@code name}, over 500 days. */
    private List<Double> daysFromMidnight(String name) {
      List<Object> days = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        LocalDate d = DAY.plusDays(i);
        String t = (String) value(field(name, FieldType.DATE_TIME), false, "s", d);
        long seconds =
            Instant.parse(t).getEpochSecond() - RowSynthesizer.midnight(d).getEpochSecond();
        days.add(seconds / 86_400.0);
      }
      return doubles(days);
    }

    @Test
    void interestDatesLieAheadAndOnboardingBehind() {
      List<Double> ahead = daysFromMidnight("interest_date");

      assertThat(ahead).allMatch(days -> days == Math.rint(days));
      assertThat(min(ahead)).isBetween(1.0, 10.0);
      assertThat(max(ahead)).isBetween(525.0, 539.0);
      for (String name : List.of("onboarding_time", "created_at")) {
        List<Double> behind = daysFromMidnight(name);
        assertThat(behind).allMatch(days -> days == Math.rint(days));
        assertThat(-max(behind)).as(name).isBetween(30.0, 60.0);
        assertThat(-min(behind)).as(name).isBetween(1_470.0, 1_499.0);
      }
    }
  }

  @Nested
  class Strings {
    private List<String> strings(String name, int n) {
      return values(field(name, FieldType.STRING), false, n).stream()
          .map(String.class::cast)
          .toList();
    }

    @Test
    void idsAreFilecoinActorIdsProvidersBelowClients() {
      List<Long> providers =
          strings("provider_id", 1_000).stream().map(s -> Long.parseLong(s.substring(2))).toList();
      List<Long> clients =
          strings("client_id", 1_000).stream().map(s -> Long.parseLong(s.substring(2))).toList();

      assertThat(strings("miner", 50)).allMatch(s -> s.matches("f0[1-9][0-9]+"));
      assertThat(strings("provider_id", 50)).allMatch(s -> s.matches("f0[1-9][0-9]+"));
      assertThat(providers).allMatch(p -> p >= 10_000 && p < 3_000_000);
      assertThat(clients).allMatch(c -> c >= 1_000_000 && c < 3_500_000);
      assertThat(providers.stream().mapToLong(Long::longValue).min().orElseThrow())
          .isLessThan(100_000);
      assertThat(clients.stream().mapToLong(Long::longValue).max().orElseThrow())
          .isGreaterThan(3_400_000);
      assertThat(strings("sector_id", 500))
          .allMatch(s -> s.matches("0|[1-9][0-9]{0,6}") && Long.parseLong(s) < 2_000_000);
    }

    @Test
    void addressesAreSecp256k1OrBlsInBase32() {
      List<String> addresses = strings("client_address", 1_000);

      assertThat(addresses)
          .allMatch(a -> a.matches("f1" + BASE32 + "{39}") || a.matches("f3" + BASE32 + "{84}"));
      assertThat(addresses.stream().filter(a -> a.startsWith("f1")).count() / 1_000.0)
          .isCloseTo(0.7, within(0.05));
      // Every base32 letter and digit occurs, and nothing else but the '1' of the f1 prefix.
      assertThat(String.join("", addresses).chars().distinct().count()).isEqualTo(32 + 1);
    }

    @Test
    void pieceCidsAreV1CidsOfTheDealsPieces() {
      assertThat(strings("piece_cid", 100))
          .allMatch(c -> c.matches("baga6ea4seaq" + BASE32 + "{52}"));
    }

    @Test
    void labelsOfAFewKindsComeFromTheirVocabulary() {
      assertThat(new HashSet<>(strings("deal_status", 300)))
          .containsExactlyInAnyOrder("active", "expired", "slashed", "published");
      assertThat(new HashSet<>(strings("actor_family", 300)))
          .containsExactlyInAnyOrder(
              "storageminer", "storagemarket", "multisig", "account", "evm", "verifreg");
      assertThat(new HashSet<>(strings("method_name", 300)))
          .containsExactlyInAnyOrder(
              "PreCommitSectorBatch2",
              "ProveCommitAggregate",
              "SubmitWindowedPoSt",
              "PublishStorageDeals",
              "ExtendSectorExpiration2",
              "InvokeContract");
      assertThat(new HashSet<>(strings("gas_metric", 100)))
          .containsExactlyInAnyOrder("gas_used", "gas_fee", "message_count");
      assertThat(new HashSet<>(strings("percentile_key", 100)))
          .containsExactlyInAnyOrder("p10", "p25", "p50", "p75", "p90");
      assertThat(strings("label", 100)).allMatch(l -> l.matches("label-" + BASE32 + "{6}"));
    }

    @Test
    void verifiedFlagsAreSetMoreOftenThanOtherFlags() {
      List<Object> verified = values(field("is_verified", FieldType.BOOLEAN), false, 2_000);
      List<Object> other = values(field("is_active", FieldType.BOOLEAN), false, 2_000);

      assertThat(share(verified, Boolean.TRUE::equals)).isCloseTo(0.7, within(0.04));
      assertThat(share(other, Boolean.TRUE::equals)).isCloseTo(0.5, within(0.04));
    }

    @Test
    void listsAndObjectsAreEmpty() {
      assertThat(value(field("sectors", FieldType.ARRAY), false, "s", DAY)).isEqualTo(List.of());
      assertThat(value(field("detail", FieldType.OBJECT), false, "s", DAY)).isEqualTo(Map.of());
    }
  }
}
