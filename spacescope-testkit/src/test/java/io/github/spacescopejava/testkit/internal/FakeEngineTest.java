package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.RecordedRequest;
import io.github.spacescopejava.testkit.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeEngineTest {
  /** A new endpoint, as someone would add it to the spec: no Java is edited for it. */
  private static final String NEW_ENDPOINT =
      """
        /v2/power/imaginary_new_endpoint:
          get:
            tags: [Power]
            operationId: Power_imaginaryNewEndpoint
            summary: "Imaginary"
            description: "An endpoint added to the spec after the testkit was written."
            x-shape: day-range
            x-max-window-days: 7
            x-per-storage-provider: false
            x-row-date-field: stat_date
            parameters:
              - $ref: '#/components/parameters/StartDate'
              - $ref: '#/components/parameters/EndDate'
            responses:
              '200':
                $ref: '#/components/responses/StorageState'
              '401':
                $ref: '#/components/responses/Unauthorized'
      """;

  private static ApiSpec withNewEndpoint(String endpoint) {
    String spec = ApiSpec.readClasspathSpec();
    int paths = spec.indexOf("\npaths:\n") + "\npaths:\n".length();
    return ApiSpec.parse(spec.substring(0, paths) + endpoint + spec.substring(paths));
  }

  @Test
  void anEndpointAddedToTheSpecIsServedWithItsRules() {
    FakeEngine engine = Engines.engine(withNewEndpoint(NEW_ENDPOINT), "2022-07-10T00:00:00Z");

    JsonNode week =
        Engines.json(
            Engines.get(
                engine,
                "/v2/power/imaginary_new_endpoint?start_date=2022-07-01&end_date=2022-07-07"));
    JsonNode eightDays =
        Engines.json(
            Engines.get(
                engine,
                "/v2/power/imaginary_new_endpoint?start_date=2022-07-01&end_date=2022-07-08"));

    assertThat(week.get("code").asInt()).isZero();
    assertThat(week.get("data")).hasSize(7);
    assertThat(week.get("data").get(6).get("stat_date").asText()).isEqualTo("2022-07-07T00:00:00Z");
    assertThat(eightDays.get("code").asInt()).isEqualTo(30002);
    assertThat(engine.invalidRequests()).isEmpty();
  }

  @Test
  void anUnknownShapeStopsTheFakeWithAMessage() {
    String odd = NEW_ENDPOINT.replace("x-shape: day-range", "x-shape: weekly-range");

    assertThatThrownBy(() -> withNewEndpoint(odd))
        .hasMessageContaining("/v2/power/imaginary_new_endpoint")
        .hasMessageContaining("weekly-range");
  }

  @Test
  void everyOperationOfTheBundledSpecIsReadWithItsExtensions() {
    ApiSpec spec = ApiSpec.bundled();
    OperationSpec base = spec.find("Gas_networkBaseFee");
    OperationSpec expiration = spec.find("/v2/power/sectors_schedule_expiration");
    OperationSpec search = spec.find("/v2/deals/deal_snapshot");

    assertThat(base.shape()).isEqualTo(OperationSpec.Shape.HOURLY_RANGE);
    assertThat(base.maxWindowDays()).isEqualTo(31);
    assertThat(base.rowDateField()).isEqualTo("hour_date");
    assertThat(expiration.allowsFutureDates()).isTrue();
    assertThat(expiration.rowDateField()).isEqualTo("interest_date");
    assertThat(search.searchFilters())
        .containsExactly(
            "deal_id",
            "piece_cid",
            "client_id",
            "client_address",
            "provider_id",
            "provider_address");
    assertThat(spec.resultCodes()).containsKeys(0, 10011, 10012, 30001, 30002, 30003, 30004);
  }

  @Test
  void aScenarioAnswersBeforeTheAuthorizationCheck() {
    FakeEngine engine = Engines.engine("2022-07-10T00:00:00Z");
    engine.addScenario(Scenario.onEveryOperation().once(Fault.badGatewayHtml()));

    Reply reply =
        engine.handle(IncomingRequest.of("GET", "/v2/power/network_storage_capacity", null, null));

    assertThat(reply.status()).isEqualTo(502);
    assertThat(reply.code()).isNull();
  }

  @Test
  void everyRequestGetsItsOwnIdInTheDocumentedForm() {
    FakeEngine engine = Engines.engine("2022-07-10T00:00:00Z");
    String target = "/v2/power/network_storage_capacity?start_date=2022-07-01";
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(Engines.json(Engines.get(engine, target)).get("request_id").asText());
    }
    ids.add(
        Engines.json(engine.handle(IncomingRequest.of("GET", target, "Bearer other", null)))
            .get("request_id")
            .asText());

    // The docs' form: a UUID, '#', a decimal number
    assertThat(ids)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}#[0-9]+"));
  }

  @Test
  void aFakeGivenTheSameRequestsInTheSameOrderGivesTheSameIds() {
    String target = "/v2/power/network_storage_capacity?start_date=2022-07-01";
    FakeEngine one = Engines.engine("2022-07-10T00:00:00Z");
    FakeEngine other = Engines.engine("2022-07-10T00:00:00Z");
    for (int i = 0; i < 2; i++) {
      assertThat(Engines.json(Engines.get(one, target)).get("request_id"))
          .isEqualTo(Engines.json(Engines.get(other, target)).get("request_id"));
    }
  }

  @Test
  void aScenarioForAnOperationOrACodeTheSpecLacksIsRefused() {
    FakeEngine engine = Engines.engine("2022-07-10T00:00:00Z");

    assertThatThrownBy(
            () -> engine.addScenario(Scenario.on("/v2/power/unknown").once(Fault.emptyBody())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'/v2/power/unknown' is not an operation of the spec: give a path such as"
                + " /v2/power/network_storage_capacity or an operationId such as"
                + " Power_networkStorageCapacity");
    assertThatThrownBy(
            () -> engine.addScenario(Scenario.onEveryOperation().once(Fault.errorCode(12345))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("12345 is not a result code documented in the spec [0, ");
    engine.addScenario(Scenario.on("Power_networkStorageCapacity").once(Fault.errorCode(30001)));
    assertThat(Engines.get(engine, CAPACITY).code()).isEqualTo(30001);
  }

  private static final String CAPACITY =
      "/v2/power/network_storage_capacity?start_date=2022-07-01&end_date=2022-07-02";

  @Test
  void aScenarioSelectsOnlyItsOperationAndClearingScenariosEndsThem() {
    FakeEngine engine = Engines.engine("2022-07-10T00:00:00Z");
    engine.addScenario(Scenario.on("/v2/gas/network_base_fee").always(Fault.internalServerError()));

    assertThat(Engines.get(engine, CAPACITY).status()).isEqualTo(200);
    assertThat(Engines.get(engine, "/v2/gas/network_base_fee").status()).isEqualTo(500);
    engine.clearScenarios();
    assertThat(Engines.get(engine, "/v2/gas/network_base_fee").status()).isEqualTo(200);
  }

  @Test
  void aLatencyScenarioDelaysTheNormalAnswer() {
    FakeEngine engine = Engines.engine("2022-07-10T00:00:00Z");
    engine.addScenario(Scenario.onEveryOperation().once(Fault.latency(Duration.ofMillis(700))));

    Reply slow = Engines.get(engine, CAPACITY);
    Reply next = Engines.get(engine, CAPACITY);

    assertThat(slow.delay()).isEqualTo(Duration.ofMillis(700));
    assertThat(slow.code()).isZero();
    assertThat(next.delay()).isZero();
  }

  @Test
  void aPathOrMethodOutsideTheSpecIs404Or405WithCode30002AndIsRecorded() {
    FakeEngine engine = Engines.engine("2022-07-10T00:00:00Z");

    Reply unknown = Engines.get(engine, "/v2/power/unknown");
    Reply post =
        engine.handle(IncomingRequest.of("POST", CAPACITY, "Bearer " + Engines.TOKEN, null));

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo(30002);
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.code()).isEqualTo(30002);
    assertThat(Engines.json(post).get("message").asText())
        .startsWith("request does not match the spec: ");
    assertThat(engine.requests())
        .extracting(
            RecordedRequest::requestLine, RecordedRequest::operationId, RecordedRequest::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("GET /v2/power/unknown", null, 404),
            org.assertj.core.groups.Tuple.tuple("POST " + CAPACITY, null, 405));
    assertThat(engine.invalidRequests()).hasSize(2);
    assertThat(engine.invalidRequests()).allMatch(r -> !r.valid() && !r.matched());
  }

  @Test
  void everyAnswerIsRecordedWithItsOperationStatusCodeAndVerdict() {
    FakeEngine engine = Engines.engine("2022-07-10T00:00:00Z");

    Engines.get(engine, CAPACITY);
    Reply malformed = Engines.get(engine, "/v2/power/network_storage_capacity?start_date=July");
    Reply anonymous = engine.handle(IncomingRequest.of("GET", CAPACITY, null, null));
    Reply stranger = engine.handle(IncomingRequest.of("GET", CAPACITY, "Bearer other", null));

    assertThat(malformed.status()).isEqualTo(200);
    assertThat(malformed.code()).isEqualTo(30002);
    assertThat(Engines.json(malformed).get("message").asText())
        .startsWith("request does not match the spec: ");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.code()).isEqualTo(10011);
    assertThat(stranger.status()).isEqualTo(401);
    assertThat(stranger.code()).isEqualTo(10012);
    assertThat(engine.requests())
        .extracting(RecordedRequest::operationId, RecordedRequest::status, RecordedRequest::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Power_networkStorageCapacity", 200, 0),
            org.assertj.core.groups.Tuple.tuple("Power_networkStorageCapacity", 200, 30002),
            org.assertj.core.groups.Tuple.tuple("Power_networkStorageCapacity", 401, 10011),
            org.assertj.core.groups.Tuple.tuple("Power_networkStorageCapacity", 401, 10012));
    assertThat(engine.invalidRequests())
        .singleElement()
        .satisfies(r -> assertThat(r.queryParameter("start_date")).isEqualTo("July"));
    engine.clearRequests();
    assertThat(engine.requests()).isEmpty();
  }

  @Test
  void theSameRequestGetsTheSameVerdictEachTime() {
    FakeEngine engine = Engines.engine("2022-07-10T00:00:00Z");
    String target = "/v2/power/network_storage_capacity?start_date=July";

    Engines.get(engine, target);
    Engines.get(engine, target);

    assertThat(engine.invalidRequests()).hasSize(2);
    assertThat(engine.invalidRequests().get(1).violations())
        .isEqualTo(engine.invalidRequests().get(0).violations())
        .isNotEmpty();
  }
}
