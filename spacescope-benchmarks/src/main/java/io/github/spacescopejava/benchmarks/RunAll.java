package io.github.spacescopejava.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of the module in one JMH run and prints the ratios of docs/PERFORMANCE.md:
 * each figure against its baseline from the same run, with the median and the spread (smallest and
 * largest iteration) of both sides.
 *
 * <pre>
 * java -jar spacescope-benchmarks/target/benchmarks.jar            # every figure, about 9 minutes
 * java -jar spacescope-benchmarks/target/benchmarks.jar --smoke    # one short iteration each
 * java -jar spacescope-benchmarks/target/benchmarks.jar OneCall    # the benchmarks matching a regex
 * java -jar spacescope-benchmarks/target/benchmarks.jar --forks 3  # every benchmark in 3 forks
 * </pre>
 *
 * <p>Without a name, every benchmark runs but {@link #BY_NAME_ONLY}: the one-call and the
 * requests-per-second figures come from {@link InterleavedOneCallBenchmark} and {@link
 * InterleavedServerBenchmark}, which time every side in the same iterations; the separate-fork
 * variants run when named ({@code OneCall}, {@code ServerThroughput}), and their rows then fill in
 * too.
 *
 * <p>For JMH's own options (profilers such as {@code -prof stack} or {@code -prof gc}), run {@code
 * java -cp spacescope-benchmarks/target/benchmarks.jar org.openjdk.jmh.Main ...}.
 */
public final class RunAll {
  private RunAll() {}

  /** One figure: {@code subject / baseline} of a score, or of a secondary result. */
  record Row(
      String figure,
      String subject,
      String baseline,
      String secondary,
      String before,
      String target) {}

  static final List<Row> ROWS =
      List.of(
          new Row(
              "one 31-day call, ergonomic / HttpClient + project mapper, 1 thread",
              "OneCallBenchmark.t1Ergonomic",
              "OneCallBenchmark.t1HttpClientMapper",
              "",
              "1.05",
              "<= 1.10"),
          new Row(
              "same, 8 threads, ergonomic cap 4 (default)",
              "OneCallBenchmark.t8ErgonomicCap4",
              "OneCallBenchmark.t8HttpClientMapper",
              "",
              "1.50",
              "cost of the cap documented"),
          new Row(
              "same, 8 threads, ergonomic cap 8",
              "OneCallBenchmark.t8ErgonomicCap8",
              "OneCallBenchmark.t8HttpClientMapper",
              "",
              "1.30",
              "<= 1.15"),
          new Row(
              "one 31-day call, ergonomic / HttpClient + JsonNode, 1 thread",
              "OneCallBenchmark.t1Ergonomic",
              "OneCallBenchmark.t1HttpClientJsonNode",
              "",
              "1.35",
              "<= 1.25"),
          new Row(
              "same, 8 threads, ergonomic cap 4 (default)",
              "OneCallBenchmark.t8ErgonomicCap4",
              "OneCallBenchmark.t8HttpClientJsonNode",
              "",
              "1.83",
              "<= 1.25"),
          new Row(
              "same, 8 threads, ergonomic cap 8",
              "OneCallBenchmark.t8ErgonomicCap8",
              "OneCallBenchmark.t8HttpClientJsonNode",
              "",
              "-",
              "<= 1.25"),
          new Row(
              "interleaved (every side in turn), 1 thread: ergonomic / HttpClient + mapper",
              "InterleavedOneCallBenchmark.t1:ergonomicMicros",
              "InterleavedOneCallBenchmark.t1:mapperMicros",
              "",
              "1.05",
              "<= 1.10"),
          new Row(
              "interleaved, 1 thread: ergonomic / HttpClient + JsonNode",
              "InterleavedOneCallBenchmark.t1:ergonomicMicros",
              "InterleavedOneCallBenchmark.t1:treeMicros",
              "",
              "1.35",
              "<= 1.25"),
          new Row(
              "interleaved, 8 threads, ergonomic cap 8 / HttpClient + mapper",
              "InterleavedOneCallBenchmark.t8:ergonomicMicros",
              "InterleavedOneCallBenchmark.t8:mapperMicros",
              "",
              "1.30",
              "<= 1.15"),
          new Row(
              "interleaved, 8 threads, ergonomic cap 8 / HttpClient + JsonNode",
              "InterleavedOneCallBenchmark.t8:ergonomicMicros",
              "InterleavedOneCallBenchmark.t8:treeMicros",
              "",
              "-",
              "<= 1.25"),
          new Row(
              "interleaved, 8 threads, ergonomic cap 4 (default) / HttpClient + mapper",
              "InterleavedOneCallBenchmark.t8:ergonomicCap4Micros",
              "InterleavedOneCallBenchmark.t8:mapperMicros",
              "",
              "1.50",
              "cost of the cap documented"),
          new Row(
              "interleaved, 8 threads, ergonomic cap 4 (default) / HttpClient + JsonNode",
              "InterleavedOneCallBenchmark.t8:ergonomicCap4Micros",
              "InterleavedOneCallBenchmark.t8:treeMicros",
              "",
              "1.83",
              "<= 1.25"),
          new Row(
              "interleaved, 8 threads, the cap's cost: ergonomic cap 4 / ergonomic cap 8",
              "InterleavedOneCallBenchmark.t8:ergonomicCap4Micros",
              "InterleavedOneCallBenchmark.t8:ergonomicMicros",
              "",
              "1.50 / 1.30 = 1.15",
              "cost of the cap documented"),
          new Row(
              "the client's own work per 31-day call: ergonomic over an in-memory HttpClient / the"
                  + " mapper's decoding alone",
              "ClientOverheadBenchmark.ergonomicInMemory",
              "ClientOverheadBenchmark.mapperOnly",
              "",
              "-",
              "-"),
          new Row(
              "a 31-day success decoded: straight from the bytes (the plain path, D41) / through"
                  + " the tree (the path of every other answer)",
              "ClientOverheadBenchmark.envelopeFromBytes",
              "ClientOverheadBenchmark.envelopeThroughTree",
              "",
              "-",
              "kept only if it saves time"),
          new Row(
              "interleaved, one 31-day call in memory: with SpaceScopeMetrics / without listeners",
              "InterleavedListenerBenchmark.inMemory:withMetricsMicros",
              "InterleavedListenerBenchmark.inMemory:withoutListenersMicros",
              "",
              "-",
              "-"),
          new Row(
              "decode 5,000 state-day rows (power): model / JsonNode",
              "DecodeBenchmark.powerModel",
              "DecodeBenchmark.powerJsonNode",
              "",
              "4.8",
              "<= 2"),
          new Row(
              "  same, mapper without the timestamp fast path (this run)",
              "DecodeBenchmark.powerModelJsr310",
              "DecodeBenchmark.powerJsonNode",
              "",
              "4.8",
              "-"),
          new Row(
              "decode 5,000 state-day rows (token balance): model / JsonNode",
              "DecodeBenchmark.tokenBalanceModel",
              "DecodeBenchmark.tokenBalanceJsonNode",
              "",
              "2.7",
              "<= 2"),
          new Row(
              "  same, mapper without the timestamp fast path (this run)",
              "DecodeBenchmark.tokenBalanceModelJsr310",
              "DecodeBenchmark.tokenBalanceJsonNode",
              "",
              "2.7",
              "-"),
          new Row(
              "four years, 17 windows, 100 ms per answer: ideal (500 ms) / measured, concurrency 4",
              "ideal:500",
              "FourYearsBenchmark.ergonomicDefaultConcurrency",
              "",
              "0.93",
              ">= 0.93"),
          new Row(
              "  sequential 17-window loop / ergonomic (speed-up)",
              "FourYearsBenchmark.sequentialLoop",
              "FourYearsBenchmark.ergonomicDefaultConcurrency",
              "",
              "3.3",
              "-"),
          new Row(
              "365 days x 2,000 providers, live heap MB: stream / list",
              "StreamingBenchmark.stream",
              "StreamingBenchmark.list",
              "liveHeapMb",
              "5.9 MB / 166 MB = 0.036",
              "stays flat"),
          new Row(
              "requests/s, fake / plain WireMock, same bytes, quick start (1 day)",
              "ServerThroughputBenchmark.quickStartFake",
              "ServerThroughputBenchmark.quickStartWireMock",
              "",
              "0.68",
              ">= 0.8"),
          new Row(
              "requests/s, fake / plain WireMock, same bytes, 31 days",
              "ServerThroughputBenchmark.days31Fake",
              "ServerThroughputBenchmark.days31WireMock",
              "",
              "0.74",
              ">= 0.8"),
          new Row(
              "interleaved, requests/s, fake / plain WireMock, same bytes, quick start (1 day)",
              "InterleavedServerBenchmark.quickStart:wireMockMicros",
              "InterleavedServerBenchmark.quickStart:fakeMicros",
              "",
              "0.68",
              ">= 0.8"),
          new Row(
              "interleaved, requests/s, fake / plain WireMock, same bytes, 31 days",
              "InterleavedServerBenchmark.days31:wireMockMicros",
              "InterleavedServerBenchmark.days31:fakeMicros",
              "",
              "0.74",
              ">= 0.8"),
          new Row(
              "cold start-up, fake / plain WireMock",
              "StartupBenchmark.coldFake",
              "StartupBenchmark.coldWireMock",
              "",
              "2.7 s / 1.7 s = 1.59",
              "<= 1.2"),
          new Row(
              "  cold start-up, the spec read by the OpenAPI parser too / by Jackson alone (D37)",
              "StartupBenchmark.coldFakeSpecParsed",
              "StartupBenchmark.coldFake",
              "",
              "-",
              "kept only if it saves time"),
          new Row(
              "  cold start-up, first request through the validator / certified by QueryChecks",
              "StartupBenchmark.coldFakeValidated",
              "StartupBenchmark.coldFake",
              "",
              "-",
              "kept only if it saves time"),
          new Row(
              "JUnit test class start-up + tear-down, @SpaceScopeFakeTest / @WireMockTest",
              "JUnitExtensionBenchmark.spaceScopeFakeTest",
              "JUnitExtensionBenchmark.wireMockTest",
              "",
              "-",
              "-"),
          new Row(
              "  @SpaceScopeFakeTest / a test class without extension",
              "JUnitExtensionBenchmark.spaceScopeFakeTest",
              "JUnitExtensionBenchmark.bareTestClass",
              "",
              "-",
              "-"));

  /**
   * Benchmarks that run only when named: the separate-fork variants of figures that an interleaved
   * benchmark gives with every side timed in the same iterations ({@link
   * InterleavedOneCallBenchmark}, {@link InterleavedServerBenchmark}).
   */
  static final List<String> BY_NAME_ONLY = List.of("OneCallBenchmark", "ServerThroughputBenchmark");

  /**
   * What runs without a name: every benchmark class but {@link #BY_NAME_ONLY} (a regex that JMH
   * finds in {@code package.Class.method}).
   */
  static final String DEFAULT_INCLUDE =
      "io\\.github\\.spacescopejava\\.benchmarks\\.(?!(?:"
          + String.join("|", BY_NAME_ONLY)
          + ")\\.)\\w+Benchmark\\.";

  public static void main(String[] args) throws RunnerException, IOException {
    boolean smoke = Arrays.asList(args).contains("--smoke");
    int forks = 0;
    List<String> includes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--forks") || args[i].equals("-f")) {
        if (i + 1 >= args.length || !args[i + 1].matches("[1-9][0-9]?")) {
          throw new IllegalArgumentException(
              args[i] + " takes a number of forks from 1 to 99, such as --forks 3");
        }
        forks = Integer.parseInt(args[++i]);
      } else if (!args[i].startsWith("-")) {
        includes.add(args[i]);
      } else if (!args[i].equals("--smoke")) {
        throw new IllegalArgumentException(
            "unknown option " + args[i] + ": the options are --smoke and --forks N");
      }
    }
    Path out = Path.of("spacescope-benchmarks", "target");
    if (!Files.isDirectory(out)) {
      out = Path.of("target");
    }
    Files.createDirectories(out);
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    Instant started = Instant.now();
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .shouldFailOnError(true)
            .result(out.resolve("jmh-result.json").toString())
            .resultFormat(ResultFormatType.JSON);
    if (includes.isEmpty()) {
      options.include(DEFAULT_INCLUDE);
    } else {
      includes.forEach(options::include);
    }
    if (forks > 0) {
      // Every benchmark with this many forks (the start-up one included), for longer, steadier
      // runs.
      options.forks(forks);
    }
    if (smoke) {
      options
          .warmupIterations(0)
          .measurementIterations(1)
          .measurementTime(TimeValue.milliseconds(300))
          .forks(1);
    }
    Collection<RunResult> results = new Runner(options.build()).run();
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    String table =
        summary(results, started, Instant.now(), loadBefore, loadAfter, smoke ? "--smoke" : "");
    System.out.println(table);
    Files.writeString(out.resolve("benchmark-summary.md"), table);
  }

  /** Scores of every measured iteration of a benchmark (all forks), or of a secondary result. */
  @SuppressWarnings("rawtypes") // JMH hands secondary results as a raw Map<String, Result>
  static Map<String, Side> sides(Collection<RunResult> results) {
    Map<String, Side> sides = new HashMap<>();
    for (RunResult run : results) {
      String name = run.getParams().getBenchmark();
      String key = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      List<Double> primary = new ArrayList<>();
      Map<String, List<Double>> secondary = new HashMap<>();
      String unit = run.getPrimaryResult().getScoreUnit();
      for (BenchmarkResult b : run.getBenchmarkResults()) {
        for (IterationResult i : b.getIterationResults()) {
          primary.add(i.getPrimaryResult().getScore());
          for (Map.Entry<String, Result> e : i.getSecondaryResults().entrySet()) {
            secondary
                .computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                .add(e.getValue().getScore());
          }
        }
      }
      sides.put(key, new Side(primary, unit));
      secondary.forEach((k, v) -> sides.put(key + ":" + k, new Side(v, k)));
    }
    return sides;
  }

  /** The measured values of one side of a ratio. */
  record Side(List<Double> values, String unit) {
    double median() {
      double[] s = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    double min() {
      return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    double max() {
      return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "%s [%s..%s] %s (n=%d)",
          num(median()),
          num(min()),
          num(max()),
          unit,
          values.size());
    }
  }

  static String num(double v) {
    return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
  }

  static String summary(
      Collection<RunResult> results,
      Instant started,
      Instant ended,
      double loadBefore,
      double loadAfter,
      String mode) {
    Map<String, Side> sides = sides(results);
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "Run %s .. %s %s; %d cores; %s %s (%s); load average %.1f before, %.1f after%n%n",
            started,
            ended,
            mode,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name"),
            System.getProperty("java.runtime.version"),
            System.getProperty("os.name") + " " + System.getProperty("os.arch"),
            loadBefore,
            loadAfter));
    sb.append(
        "| figure | before (issue 12) | now: ratio [spread] | target | subject: median"
            + " [min..max] | baseline: median [min..max] |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (Row row : ROWS) {
      String suffix = row.secondary().isEmpty() ? "" : ":" + row.secondary();
      Side base = sides.get(row.baseline() + suffix);
      Side subject;
      if (row.subject().startsWith("ideal:")) {
        double ideal = Double.parseDouble(row.subject().substring(6));
        subject = new Side(List.of(ideal), base == null ? "" : base.unit());
      } else {
        subject = sides.get(row.subject() + suffix);
      }
      if (base == null || subject == null) {
        sb.append("| ").append(row.figure()).append(" | ").append(row.before());
        sb.append(" | not run | ").append(row.target()).append(" | | |\n");
        continue;
      }
      Ratio r = paired(row) ? Ratio.paired(subject, base) : Ratio.ofMedians(subject, base);
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | **%s** [%s..%s] | %s | %s | %s |%n",
              row.figure(),
              row.before(),
              num(r.value()) + (r.paired() ? " (paired)" : ""),
              num(r.low()),
              num(r.high()),
              row.target(),
              subject.describe(),
              base.describe()));
    }
    sb.append(
        "\nA ratio is the subject's median over the baseline's, its spread the subject's smallest"
            + " over the baseline's largest iteration and the other way round. \"(paired)\": both"
            + " sides are counters of one benchmark, timed in the same iterations; the ratio is the"
            + " median of the iterations' own ratios, and the spread their smallest and largest.\n");
    return sb.toString();
  }

  /**
   * Whether a row's two sides are counters of one benchmark, measured in the same iterations (the
   * interleaved benchmark), so that their values pair up iteration by iteration.
   */
  static boolean paired(Row row) {
    String subject = row.subject() + (row.secondary().isEmpty() ? "" : ":" + row.secondary());
    String baseline = row.baseline() + (row.secondary().isEmpty() ? "" : ":" + row.secondary());
    int s = subject.indexOf(':');
    int b = baseline.indexOf(':');
    return s > 0
        && b > 0
        && !subject.startsWith("ideal:")
        && subject.substring(0, s).equals(baseline.substring(0, b))
        && !subject.equals(baseline);
  }

  /** A figure: its value and spread, and whether it comes from paired iterations. */
  record Ratio(double value, double low, double high, boolean paired) {
    /**
     * Subject over baseline for sides measured apart: the ratio of the medians; the spread, the
     * smallest over the largest and the largest over the smallest. Throughput (ops/s) reads the
     * same way: "the subject reaches x times the baseline".
     */
    static Ratio ofMedians(Side subject, Side base) {
      return new Ratio(
          subject.median() / base.median(),
          subject.min() / base.max(),
          subject.max() / base.min(),
          false);
    }

    /**
     * Subject over baseline for sides timed in the same iterations: each iteration's own ratio, so
     * that a change of load, which falls on both sides of an iteration alike, cancels out; the
     * median of those ratios and their smallest and largest.
     */
    static Ratio paired(Side subject, Side base) {
      if (subject.values().size() != base.values().size()) {
        throw new IllegalArgumentException(
            "paired sides need as many iterations: "
                + subject.values().size()
                + " against "
                + base.values().size());
      }
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < subject.values().size(); i++) {
        ratios.add(subject.values().get(i) / base.values().get(i));
      }
      Side r = new Side(ratios, "");
      return new Ratio(r.median(), r.min(), r.max(), true);
    }
  }
}
