package io.github.spacescopejava.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The edit the project exists for, made as a user makes it: a copy of the repository (no reference
 * data beside it, no Java edited) whose spec gains two operations, a day-range GET under a new path
 * and one with a new query parameter, is built with the wrapper. The new operations are then called
 * through the generated Feign client, the ergonomic client (typed and generic), the fake, and the
 * {@code spacescope} command's {@code endpoints} and {@code fetch --fake}, each in its own JVM; the
 * client's operation catalog lists them. The copy also narrows {@code miner_id}'s pattern and
 * {@code page_size}'s maximum: the client's own checks follow (they are generated into the catalog,
 * not read at run time).
 *
 * <p>Neither operation has an example: an operation SpaceScope has just published has none, and
 * nothing may require one.
 */
class SpecEditBuildIT {
  /** Added before the first path of the spec's copy. */
  static final String ADDED_OPERATIONS =
      """
        /v2/power/network_storage_capacity_preview:
          get:
            tags: [Power]
            operationId: Power_networkStorageCapacityPreview
            summary: "Network storage capacity (preview)"
            description: "The network's storage power per day, under a path added after the client."
            x-shape: day-range
            x-max-window-days: 90
            x-per-storage-provider: false
            x-row-date-field: stat_date
            parameters:
              - $ref: '#/components/parameters/StartDate'
              - $ref: '#/components/parameters/EndDate'
            responses:
              '200':
                $ref: '#/components/responses/NetworkStorageCapacity'
              '401':
                $ref: '#/components/responses/Unauthorized'
              default:
                $ref: '#/components/responses/GatewayError'
        /v2/power/network_storage_capacity_by_region:
          get:
            tags: [Power]
            operationId: Power_networkStorageCapacityByRegion
            summary: "Network storage capacity by region"
            description: "The network's storage power per day, optionally of one region."
            x-shape: day-range
            x-max-window-days: 90
            x-per-storage-provider: false
            x-row-date-field: stat_date
            parameters:
              - $ref: '#/components/parameters/StartDate'
              - $ref: '#/components/parameters/EndDate'
              - name: region
                in: query
                required: false
                schema: {type: string, enum: [asia, europe, north_america]}
            responses:
              '200':
                $ref: '#/components/responses/NetworkStorageCapacity'
              '401':
                $ref: '#/components/responses/Unauthorized'
              default:
                $ref: '#/components/responses/GatewayError'
      """;

  /** The rules of miner_id and page_size in the spec, which the copy narrows. */
  private static final String MINER_ID = "pattern: '^f0[0-9]{1,19}$', example: f0110804}";

  private static final String PAGE_SIZE = "minimum: 1, maximum: 1000, example: 10}";

  /** Compiled against the copy's build and run in its own JVM: the Java a user writes. */
  private static final String PROBE =
      """
      import io.github.spacescopejava.client.DateRange;
      import io.github.spacescopejava.client.DealSearch;
      import io.github.spacescopejava.client.InvalidInputException;
      import io.github.spacescopejava.client.Operation;
      import io.github.spacescopejava.client.OperationRequest;
      import io.github.spacescopejava.client.Operations;
      import io.github.spacescopejava.client.ProviderId;
      import io.github.spacescopejava.client.SpaceScope;
      import io.github.spacescopejava.client.metrics.SpaceScopeMetrics;
      import io.github.spacescopejava.generated.GeneratedClients;
      import io.github.spacescopejava.generated.api.PowerApi;
      import io.github.spacescopejava.testkit.SpaceScopeFake;
      import io.micrometer.core.instrument.Timer;
      import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
      import java.time.LocalDate;

      public class Probe {
        public static void main(String[] args) {
          LocalDate from = LocalDate.of(2024, 1, 1);
          LocalDate to = LocalDate.of(2024, 4, 30);
          Operation<?> byRegion =
              Operations.byName("power/network_storage_capacity_by_region").orElseThrow();
          var region = byRegion.parameter("region").orElseThrow();
          System.out.println("catalog " + byRegion.operationId() + " " + byRegion.shape() + " "
              + byRegion.maxWindowDays() + " " + byRegion.rowType().getSimpleName() + " "
              + region.role() + " " + region.allowedValues() + " "
              + SpaceScope.operations().contains(byRegion) + " " + SpaceScope.operations().size());
          String minerId;
          try {
            ProviderId.of("f01234567");
            minerId = "accepted";
          } catch (InvalidInputException e) {
            minerId = "refused";
          }
          System.out.println("rules miner_id f01234567 " + minerId + ", MAX_PAGE_SIZE "
              + DealSearch.MAX_PAGE_SIZE);
          try (SpaceScopeFake fake = SpaceScopeFake.builder().start()) {
            PowerApi power = GeneratedClients.create(PowerApi.class, fake.baseUrl(), fake.token());
            var one = power.networkStorageCapacityByRegion(from, from, "europe");
            System.out.println("generated byRegion " + one.getCode() + " " + one.getData().size()
                + " " + one.getData().get(0).getStatDate());
            var two = power.networkStorageCapacityPreview(from, from.plusDays(1));
            System.out.println("generated preview " + two.getCode() + " " + two.getData().size());
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (SpaceScope spacescope =
                SpaceScope.builder().baseUrl(fake.baseUrl()).token(fake.token())
                    .clock(fake.clock()).listener(SpaceScopeMetrics.of(registry)).build()) {
              var rows = spacescope.power().networkStorageCapacityByRegion(DateRange.of(from, to));
              System.out.println("ergonomic byRegion " + rows.size() + " "
                  + rows.get(0).getStatDateAsLocalDate() + " "
                  + rows.get(rows.size() - 1).getStatDateAsLocalDate());
              var preview = spacescope.power().networkStorageCapacityPreview(DateRange.of(from, to));
              System.out.println("ergonomic preview " + preview.size());
              var generic = spacescope.fetch(byRegion, OperationRequest.of(DateRange.of(from, to)));
              System.out.println("generic byRegion " + generic.size() + " "
                  + generic.equals(rows) + " " + byRegion.values(generic.get(0)).keySet());
            }
            for (String path : java.util.List.of("/v2/power/network_storage_capacity_by_region",
                "/v2/power/network_storage_capacity_preview")) {
              System.out.println("metrics " + path + " "
                  + registry.find("spacescope.requests").tag("operation", path).timers().stream()
                      .map(t -> t.getId().getTag("outcome") + "=" + t.count()).sorted().toList()
                  + " rows " + registry.find("spacescope.rows").tag("operation", path)
                      .counters().stream().mapToDouble(c -> c.count()).sum());
            }
            System.out.println("fake requests " + fake.requests().stream()
                .map(r -> r.path() + " " + r.query().getOrDefault("region", java.util.List.of())
                    + " " + r.code() + " " + r.valid())
                .distinct().sorted().toList());
          }
        }
      }
      """;

  @TempDir static Path work;
  static Path copy;
  static String classPath;

  @BeforeAll
  static void buildACopyWithTwoMoreOperations() throws IOException, InterruptedException {
    Path root = repositoryRoot();
    copy = work.resolve("repo");
    copyRepository(root, copy);
    Path spec = copy.resolve("spec/spacescope.yaml");
    String text = Files.readString(spec, StandardCharsets.UTF_8);
    assertThat(text).contains("\npaths:\n").doesNotContain("network_storage_capacity_preview");
    assertThat(text).contains(MINER_ID).contains(PAGE_SIZE);
    Files.writeString(
        spec,
        text.replace("\npaths:\n", "\npaths:\n" + ADDED_OPERATIONS)
            .replace(MINER_ID, "pattern: '^f0[0-9]{1,6}$', example: f0110804}")
            .replace(PAGE_SIZE, "minimum: 1, maximum: 500, example: 10}"),
        StandardCharsets.UTF_8);

    // Up to compile: generation and compilation are what a spec edit changes; each module's
    // class path (the reactor's classes, not the shaded jars) is written beside it.
    List<String> build = new ArrayList<>();
    build.add(copy.resolve(isWindows() ? "mvnw.cmd" : "mvnw").toString());
    String repository = System.getProperty("maven.repo.local");
    if (repository != null && !repository.isBlank()) {
      build.add("-Dmaven.repo.local=" + repository);
    }
    build.addAll(
        List.of(
            "-B",
            "-q",
            "compile",
            "dependency:build-classpath",
            "-Dmdep.outputFile=target/classpath.txt",
            "-Dspotless.check.skip=true",
            "-Dspacescope.api.docs=" + work.resolve("no-reference-data"),
            "-pl",
            "spacescope-cli",
            "-am"));
    run(copy, Path.of("target", "mvn.log"), build.toArray(String[]::new));
    List<String> entries = new ArrayList<>();
    for (String module :
        List.of(
            "spacescope-client-generated",
            "spacescope-testkit",
            "spacescope-client-ergonomic",
            "spacescope-cli")) {
      entries.add(copy.resolve(module).resolve("target/classes").toString());
    }
    entries.add(Files.readString(copy.resolve("spacescope-cli/target/classpath.txt")).strip());
    classPath = String.join(java.io.File.pathSeparator, entries);
  }

  @Test
  void theGeneratedInterfaceAndTheErgonomicGroupHaveBothOperations() throws IOException {
    String api =
        Files.readString(
            copy.resolve(
                "spacescope-client-generated/target/generated-sources/openapi/src/main/java/"
                    + "io/github/spacescopejava/generated/api/PowerApi.java"));
    assertThat(api)
        .contains("networkStorageCapacityPreview(")
        .contains("networkStorageCapacityByRegion(")
        .contains("region={region}");
  }

  @Test
  void theCommandListsTheNewOperations() throws IOException, InterruptedException {
    String out = cli("io.github.spacescopejava.cli.Main", "endpoints");

    assertThat(out.lines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("power/network_storage_capacity_preview ")
                    .contains("day-range")
                    .contains("90 days"))
        .anySatisfy(l -> assertThat(l).startsWith("power/network_storage_capacity_by_region "));
  }

  @Test
  void theCommandFetchesTheNewOperationFromTheFake() throws IOException, InterruptedException {
    String out =
        cli(
            "io.github.spacescopejava.cli.Main",
            "--fake",
            "fetch",
            "power/network_storage_capacity_by_region",
            "--from",
            "2024-01-01",
            "--to",
            "2024-01-03",
            "--format",
            "csv");

    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("stat_date,total_qa_bytes_power,");
    assertThat(lines.get(1)).startsWith("2024-01-01T00:00:00Z,");
    assertThat(lines.get(3)).startsWith("2024-01-03T00:00:00Z,");
  }

  @Test
  void theGeneratedAndErgonomicClientsCallTheNewOperationsOnTheFake()
      throws IOException, InterruptedException {
    Path src = work.resolve("probe-src/Probe.java");
    Path classes = work.resolve("probe-classes");
    Files.createDirectories(src.getParent());
    Files.createDirectories(classes);
    Files.writeString(src, PROBE, StandardCharsets.UTF_8);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int compiled =
        javac.run(
            null,
            null,
            null,
            "-classpath",
            classPath,
            "-d",
            classes.toString(),
            "-proc:none",
            src.toString());
    assertThat(compiled).isZero();

    String out = java(classes + java.io.File.pathSeparator + probeClassPath(), "Probe");

    assertThat(out.lines())
        .containsExactly(
            "catalog Power_networkStorageCapacityByRegion DAY_RANGE 90"
                + " NetworkStorageCapacityRow UNBOUND [asia, europe, north_america] true 80",
            // the copy's spec narrows miner_id and page_size: the client's checks follow it
            "rules miner_id f01234567 refused, MAX_PAGE_SIZE 500",
            "generated byRegion 0 1 2024-01-01T00:00Z",
            "generated preview 0 2",
            // 121 days: two windows of at most 90 days, merged in order
            "ergonomic byRegion 121 2024-01-01 2024-04-30",
            "ergonomic preview 121",
            "generic byRegion 121 true"
                + " [stat_date, total_qa_bytes_power, total_raw_bytes_power, baseline_power]",
            // the added operations are metered like every other: two windows per call
            "metrics /v2/power/network_storage_capacity_by_region [success=4] rows 242.0",
            "metrics /v2/power/network_storage_capacity_preview [success=2] rows 121.0",
            "fake requests [/v2/power/network_storage_capacity_by_region [] 0 true,"
                + " /v2/power/network_storage_capacity_by_region [europe] 0 true,"
                + " /v2/power/network_storage_capacity_preview [] 0 true]");
  }

  /**
   * The copy's class path and Micrometer (an optional dependency of the client, so not on the
   * command's class path), taken from this test's own class path.
   */
  private static String probeClassPath() {
    List<String> entries = new ArrayList<>(List.of(classPath));
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.startsWith("micrometer-")
          || name.startsWith("HdrHistogram-")
          || name.startsWith("LatencyUtils-")) {
        entries.add(entry);
      }
    }
    assertThat(entries).as("Micrometer on this test's class path").hasSizeGreaterThan(1);
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static String cli(String mainClass, String... args)
      throws IOException, InterruptedException {
    return java(classPath, mainClass, args);
  }

  private static String java(String cp, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(cp);
    command.add(mainClass);
    command.addAll(List.of(args));
    return run(
        work, work.resolve("java-" + System.nanoTime() + ".err"), command.toArray(String[]::new));
  }

  /** Runs a command in {@code dir}; its stdout, after checking that it exited with 0. */
  private static String run(Path dir, Path errFile, String... command)
      throws IOException, InterruptedException {
    Path err = dir.resolve(errFile);
    Files.createDirectories(err.getParent());
    Path out = err.resolveSibling(err.getFileName() + ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().remove("SPACESCOPE_API_TOKEN");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    boolean ended = process.waitFor(15, TimeUnit.MINUTES);
    if (!ended) {
      process.destroyForcibly();
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(ended).as("%s ended within 15 minutes", command[0]).isTrue();
    assertThat(process.exitValue())
        .as("%s%nstdout:%n%s%nstderr:%n%s", String.join(" ", command), stdout, stderr)
        .isZero();
    return stdout;
  }

  /** The checkout this module belongs to: the folder above it holding {@code mvnw} and the spec. */
  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("spec/spacescope.yaml"))
          && Files.isRegularFile(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no checkout above " + Path.of("").toAbsolutePath());
  }

  private static final Set<String> SKIPPED = Set.of("target", ".git", ".idea", "node_modules");

  /** The sources of the checkout, without build outputs and git's files. */
  private static void copyRepository(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(file);
        boolean skipped = false;
        for (Path part : relative) {
          if (SKIPPED.contains(part.toString())) {
            skipped = true;
            break;
          }
        }
        if (skipped) {
          continue;
        }
        Path target = to.resolve(relative.toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static boolean isWindows() {
    return System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("win");
  }
}
