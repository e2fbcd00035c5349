package io.github.spacescopejava.client.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.spacescopejava.client.RetryPolicy;
import io.github.spacescopejava.generated.model.Envelope;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.CodegenConstants;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.slf4j.helpers.NOPLogger;

/**
 * Any operation the spec can describe works through the ergonomic client's Feign: a copy of the
 * spec gets, in the Power group, an operation with a path parameter and a list-valued query
 * parameter, and one with a header parameter. The Feign interface is generated from the copy with
 * the generated module's templates and options, compiled, and called through {@link GroupCalls#api}
 * (the client's transport, decoder and options) against a stub: every operation of the group
 * answers, the old ones and the new ones, and the new requests carry the path, the list and the
 * header as the spec says.
 */
class SpecCopyTest {
  private static final Path SPEC = Path.of("..", "spec", "spacescope.yaml");
  private static final Path TEMPLATES =
      Path.of("..", "spacescope-client-generated", "src", "main", "templates");
  private static final String ANCHOR = "  /v2/power/network_storage_capacity:\n";
  private static final String ADDED =
      """
        /v2/power/sector/{sector_id}:
          get:
            tags: [Power]
            operationId: Power_sectorById
            summary: "Added by SpecCopyTest"
            description: "A path parameter and a list-valued query parameter."
            parameters:
              - {name: sector_id, in: path, required: true, schema: {type: string}}
              - name: miner_ids
                in: query
                required: false
                style: form
                explode: true
                schema: {type: array, items: {type: string}}
            responses:
              '200':
                $ref: '#/components/responses/NetworkStorageCapacity'
        /v2/power/traced:
          get:
            tags: [Power]
            operationId: Power_traced
            summary: "Added by SpecCopyTest"
            description: "A header parameter."
            parameters:
              - {name: X-Trace-Id, in: header, required: true, schema: {type: string}}
            responses:
              '200':
                $ref: '#/components/responses/NetworkStorageCapacity'
      """;
  private static final String TOKEN = "tok_SpecCopy0123456789";
  private static final String OK =
      "{\"request_id\":\"r-1\",\"code\":0,\"message\":\"success.\",\"data\":[]}";

  private final WireMockServer server =
      new WireMockServer(wireMockConfig().dynamicPort().jettyAcceptors(1));
  private GroupCalls core;

  @BeforeEach
  void start() {
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody(OK)));
    core =
        new GroupCalls(
            new Settings(
                server.baseUrl(),
                TOKEN,
                Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                1 << 20,
                RetryPolicy.none(),
                2,
                Clock.systemUTC(),
                null,
                NOPLogger.NOP_LOGGER,
                false,
                new Random(1),
                Sleeper.THREAD_SLEEP,
                System::nanoTime));
  }

  @AfterEach
  void stop() {
    core.close();
    server.stop();
  }

  @Test
  void operationsWithPathHeaderAndListParametersWorkBesideTheGroupsOwn(@TempDir Path dir)
      throws Exception {
    Class<?> power = generatePowerApi(dir);
    Object api = core.api(power);

    List<String> called = new ArrayList<>();
    for (Method m :
        Stream.of(power.getMethods()).sorted(Comparator.comparing(Method::getName)).toList()) {
      Object answer = m.invoke(api, arguments(m));
      assertThat(answer).as(m.getName()).isInstanceOf(Envelope.class);
      assertThat(((Envelope) answer).getRequestId()).as(m.getName()).isEqualTo("r-1");
      called.add(m.getName());
    }

    long before = Files.readString(SPEC).lines().filter(l -> l.contains("tags: [Power]")).count();
    assertThat(called).hasSize((int) before + 2).contains("sectorById", "traced");
    assertThat(server.getAllServeEvents()).hasSize(called.size());
    server.verify(
        getRequestedFor(urlEqualTo("/v2/power/sector/s%2F1%20x?miner_ids=f01&miner_ids=f02"))
            .withHeader("authorization", equalTo("Bearer " + TOKEN)));
    server.verify(
        getRequestedFor(urlEqualTo("/v2/power/traced"))
            .withHeader("X-Trace-Id", equalTo("trace-7"))
            .withHeader("authorization", equalTo("Bearer " + TOKEN)));
    server.verify(
        getRequestedFor(
            urlEqualTo(
                "/v2/power/network_storage_capacity?start_date=2024-01-01&end_date=2024-01-01")));
  }

  /** Sample arguments by type; the two new operations get the values the test checks. */
  private static Object[] arguments(Method m) {
    Class<?>[] types = m.getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      args[i] = sample(types[i]);
    }
    if (m.getName().equals("sectorById")) {
      args[0] = "s/1 x";
    }
    if (m.getName().equals("traced")) {
      args[0] = "trace-7";
    }
    return args;
  }

  private static Object sample(Class<?> type) {
    if (type == LocalDate.class) {
      return LocalDate.of(2024, 1, 1);
    }
    if (type == List.class) {
      return List.of("f01", "f02");
    }
    if (type == Integer.class) {
      return 10;
    }
    if (type == Long.class) {
      return 1L;
    }
    return type == String.class ? "x" : null;
  }

  /** Generates and compiles the Power interface of the edited spec, as the generated module. */
  private Class<?> generatePowerApi(Path dir) throws Exception {
    String spec = Files.readString(SPEC, StandardCharsets.UTF_8);
    assertThat(spec).contains(ANCHOR);
    Path copy = dir.resolve("spacescope.yaml");
    Files.writeString(copy, spec.replace(ANCHOR, ADDED + ANCHOR), StandardCharsets.UTF_8);

    Path out = dir.resolve("generated");
    CodegenConfigurator config =
        new CodegenConfigurator()
            .setGeneratorName("java")
            .setLibrary("feign")
            .setInputSpec(copy.toString())
            .setOutputDir(out.toString())
            .setTemplateDir(TEMPLATES.toAbsolutePath().toString())
            .setApiPackage("speccopy.api")
            .setModelPackage("io.github.spacescopejava.generated.model")
            .setInvokerPackage("speccopy.invoker")
            .setRemoveOperationIdPrefix(true)
            .setValidateSpec(true)
            .addAdditionalProperty("sourceFolder", "src/main/java")
            .addAdditionalProperty("useJakartaEe", true)
            .addAdditionalProperty("openApiNullable", false)
            .addAdditionalProperty("dateLibrary", "java8")
            .addAdditionalProperty("hideGenerationTimestamp", true)
            .addAdditionalProperty("useBeanValidation", false)
            .addAdditionalProperty("serializationLibrary", "jackson");
    DefaultGenerator generator = new DefaultGenerator();
    generator.setGeneratorPropertyDefault(CodegenConstants.APIS, "true");
    generator.setGeneratorPropertyDefault(CodegenConstants.MODELS, "false");
    generator.setGeneratorPropertyDefault(CodegenConstants.SUPPORTING_FILES, "false");
    generator.setGeneratorPropertyDefault(CodegenConstants.API_TESTS, "false");
    generator.setGeneratorPropertyDefault(CodegenConstants.API_DOCS, "false");
    generator.opts(config.toClientOptInput()).generate();

    Path source = out.resolve("src/main/java/speccopy/api/PowerApi.java");
    assertThat(source).exists();
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-proc:none",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                classes.toString(),
                source.toString());
    assertThat(status).as("javac of " + source).isZero();
    URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    return loader.loadClass("speccopy.api.PowerApi");
  }
}
