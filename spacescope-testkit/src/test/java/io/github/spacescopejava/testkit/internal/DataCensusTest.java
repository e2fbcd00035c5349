package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Counts what an analyst and a double-decoding client would notice in the fake's data: the four
 * inconsistencies of issue 10 and the form of its numbers. Prints the counts (the closing note of
 * issue 10 quotes them) and asserts that the inconsistencies are gone.
 *
 * <p>{@code ./mvnw -B -q -pl spacescope-testkit -am verify -Dtest=DataCensusTest
 * -Dsurefire.failIfNoSpecifiedTests=false} and read {@code census:} lines in the output.
 */
class DataCensusTest {
  private static final FakeEngine ENGINE = Engines.engine("2025-01-01T00:00:00Z");
  private static final BigInteger TWO_POW_53 = BigInteger.TWO.pow(53);
  private static final LocalDate FROM = LocalDate.of(2022, 7, 1);

  private static JsonNode data(String target) {
    JsonNode envelope = Engines.json(Engines.get(ENGINE, target));
    assertThat(envelope.get("code").asInt()).as(envelope.toString()).isZero();
    return envelope.get("data");
  }

  private static String days(int n) {
    return "?start_date=" + FROM + "&end_date=" + FROM.plusDays(n - 1L);
  }

  @Test
  void scheduledMinusTerminatedExpiringBytesIsNeverNegative() {
    JsonNode rows = data("/v2/power/sectors_schedule_expiration" + days(31));
    int negative = 0;
    for (JsonNode row : rows) {
      BigDecimal left =
          row.get("schedule_expire_bytes").decimalValue().subtract(dec(row, "terminated_bytes"));
      negative += left.signum() < 0 ? 1 : 0;
    }
    System.out.printf(
        "census: scheduled - terminated expiring bytes < 0 on %d of %d days%n",
        negative, rows.size());
    assertThat(negative).isZero();
  }

  @Test
  void qualityAdjustedOnboardingIsNeverBelowRaw() {
    JsonNode rows = data("/v2/power/daily_power_onboarding_by_sector_size" + days(90));
    int below = 0;
    for (JsonNode row : rows) {
      boolean b32 = dec(row, "commit_qap_32gib").compareTo(dec(row, "commit_rbp_32gib")) < 0;
      boolean b64 = dec(row, "commit_qap_64gib").compareTo(dec(row, "commit_rbp_64gib")) < 0;
      below += b32 || b64 ? 1 : 0;
    }
    System.out.printf("census: QA onboarding below raw on %d of %d days%n", below, rows.size());
    assertThat(below).isZero();
  }

  @Test
  void cumulativeBurntFilNeverFalls() {
    JsonNode rows = data("/v2/circulating_supply/circulating_supply" + days(90));
    int falls = 0;
    for (int i = 1; i < rows.size(); i++) {
      falls +=
          dec(rows.get(i), "burnt_fil").compareTo(dec(rows.get(i - 1), "burnt_fil")) < 0 ? 1 : 0;
    }
    System.out.printf(
        "census: cumulative burnt_fil falls on %d of %d day-to-day steps%n",
        falls, rows.size() - 1);
    assertThat(falls).isZero();
  }

  @Test
  void circulatingFilIsTheSumOfItsParts() {
    JsonNode rows = data("/v2/circulating_supply/circulating_supply" + days(90));
    int off = 0;
    for (JsonNode row : rows) {
      BigDecimal parts =
          dec(row, "mined_fil")
              .add(dec(row, "vested_fil"))
              .add(dec(row, "reserve_disbursed_fil"))
              .subtract(dec(row, "locked_fil"))
              .subtract(dec(row, "burnt_fil"));
      off += parts.compareTo(dec(row, "circulating_fil")) != 0 ? 1 : 0;
    }
    System.out.printf(
        "census: circulating_fil != mined + vested + reserve_disbursed - locked - burnt on %d of"
            + " %d days%n",
        off, rows.size());
    assertThat(off).isZero();
  }

  /**
   * The numbers of 100 answers (every operation once, then day-range operations again over later
   * windows): how many integers beyond 2^53 are exactly a double, how many decimals are 18-place
   * expansions of a double (18 decimals, more than 17 significant digits).
   */
  @Test
  void bigIntegersAreNotExactDoublesAndDecimalsAreInShortestForm() {
    int answers = 0;
    int bigIntegers = 0;
    int exactDoubles = 0;
    int decimals = 0;
    int eighteenPlaces = 0;
    int scale18 = 0;
    int notShortest = 0;
    for (int round = 0; answers < 100; round++) {
      for (OperationSpec op : ApiSpec.bundled().operations()) {
        if (answers >= 100 || (round > 0 && op.shape() != OperationSpec.Shape.DAY_RANGE)) {
          continue;
        }
        LocalDate from = FROM.plusDays(31L * round);
        String query =
            switch (op.shape()) {
              case DAY_RANGE -> "?start_date=" + from + "&end_date=" + from.plusDays(6);
              case HOURLY_RANGE ->
                  "?start_hour=" + from + "T00:00:00Z&end_hour=" + from + "T05:00:00Z";
              case STATE_DAY -> "?state_date=" + from;
              case PAGED_SEARCH -> "?page_size=20&provider_id=f01234";
            };
        for (String text : numbers(Engines.get(ENGINE, op.path() + query).body())) {
          BigDecimal value = new BigDecimal(text);
          if (value.stripTrailingZeros().scale() <= 0) {
            BigInteger whole = value.toBigIntegerExact();
            if (whole.abs().compareTo(TWO_POW_53) > 0) {
              bigIntegers++;
              exactDoubles += isExactDouble(value) ? 1 : 0;
            }
          } else {
            decimals++;
            eighteenPlaces += value.scale() == 18 && value.precision() > 17 ? 1 : 0;
            scale18 += value.scale() == 18 ? 1 : 0;
            notShortest +=
                BigDecimal.valueOf(Double.parseDouble(text)).compareTo(value) != 0 ? 1 : 0;
          }
        }
        answers++;
      }
    }
    System.out.printf(
        "census: %d answers: %d integers above 2^53, %d of them exact doubles; %d decimals, %d with"
            + " 18 places (%d of them with more than 17 significant digits), %d not the shortest"
            + " form of a double%n",
        answers, bigIntegers, exactDoubles, decimals, scale18, eighteenPlaces, notShortest);
    assertThat(bigIntegers).isPositive();
    assertThat(exactDoubles).isLessThan(bigIntegers / 20);
    assertThat(eighteenPlaces).isLessThan(decimals / 20);
  }

  static boolean isExactDouble(BigDecimal value) {
    return new BigDecimal(value.doubleValue()).compareTo(value) == 0;
  }

  private static BigDecimal dec(JsonNode row, String field) {
    return row.get(field).decimalValue();
  }

  /** The raw text of every number in a JSON body. */
  static java.util.List<String> numbers(byte[] body) {
    java.util.List<String> out = new java.util.ArrayList<>();
    try (JsonParser p = new JsonFactory().createParser(body)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
          out.add(p.getText());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
