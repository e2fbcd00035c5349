package io.github.spacescopejava.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.spacescopejava.client.OperationParameter.Role;
import io.github.spacescopejava.generated.model.NetworkStorageCapacityRow;
import io.github.spacescopejava.generated.model.SectorsScheduleExpirationRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalog generated at build time says what the spec says: each operation is compared, field by
 * field, with the spec read here independently (the spec shipped in the generated jar).
 */
class OperationsTest {
  private static final JsonNode SPEC = readSpec();

  static Stream<Arguments> specOperations() {
    List<Arguments> out = new ArrayList<>();
    SPEC.get("paths")
        .properties()
        .forEach(p -> out.add(Arguments.of(p.getKey(), p.getValue().get("get"))));
    return out.stream();
  }

  @Test
  void hasOneOperationPerOperationOfTheSpec() {
    List<String> specPaths = specOperations().map(a -> (String) a.get()[0]).sorted().toList();
    assertThat(SpaceScope.operations())
        .extracting(Operation::path)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(specPaths);
    assertThat(SpaceScope.operations()).isSameAs(Operations.all());
    assertThatThrownBy(() -> Operations.all().add(Operations.POWER_NETWORK_STORAGE_CAPACITY))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specOperations")
  void describesTheOperationAsTheSpecDoes(String path, JsonNode get) {
    Operation<?> op = Operations.byName(path).orElseThrow();
    String id = get.get("operationId").asText();
    String tag = get.get("tags").get(0).asText();
    assertThat(op.operationId()).isEqualTo(id);
    assertThat(op.tag()).isEqualTo(tag);
    assertThat(op.path()).isEqualTo(path);
    assertThat(op.name()).isEqualTo(path.replaceFirst("^/v[0-9]+/", ""));
    assertThat(op.methodName()).isEqualTo(lowerFirst(id.substring(id.indexOf('_') + 1)));
    assertThat(op.groupName()).isEqualTo(lowerFirst(tag));
    assertThat(op.summary()).isEqualTo(get.get("summary").asText());
    assertThat(op.shape().wire()).isEqualTo(get.get("x-shape").asText());
    assertThat(op.maxWindowDays()).isEqualTo(get.path("x-max-window-days").asInt(0));
    assertThat(op.acceptedWindowDays())
        .isEqualTo(
            get.path("x-accepted-window-days").asInt(get.path("x-max-window-days").asInt(0)));
    assertThat(op.perStorageProvider()).isEqualTo(get.path("x-per-storage-provider").asBoolean());
    assertThat(op.withoutDates()).isEqualTo(get.has("x-without-dates"));
    assertThat(op.allowsFutureDates()).isEqualTo(get.path("x-allows-future-dates").asBoolean());
    assertThat(op.deprecated()).isEqualTo(get.path("deprecated").asBoolean());
    assertThat(op.rowDateField().orElse(null))
        .isEqualTo(get.has("x-row-date-field") ? get.get("x-row-date-field").asText() : null);
    List<String> oneOf = new ArrayList<>();
    get.path("x-requires-one-of").forEach(n -> oneOf.add(n.asText()));
    assertThat(op.requiresOneOf()).isEqualTo(oneOf);

    List<JsonNode> params = new ArrayList<>();
    get.path("parameters").forEach(p -> params.add(resolve(p)));
    assertThat(op.parameters())
        .extracting(OperationParameter::wireName)
        .containsExactlyElementsOf(params.stream().map(p -> p.get("name").asText()).toList());
    for (JsonNode p : params) {
      OperationParameter actual = op.parameter(p.get("name").asText()).orElseThrow();
      JsonNode schema = p.get("schema");
      assertThat(actual.required()).isEqualTo(p.path("required").asBoolean());
      assertThat(actual.jsonType()).isEqualTo(schema.get("type").asText());
      assertThat(actual.format()).isEqualTo(text(schema.get("format")));
      assertThat(actual.pattern()).isEqualTo(text(schema.get("pattern")));
      assertThat(actual.minimum()).isEqualTo(decimal(schema.get("minimum")));
      assertThat(actual.maximum()).isEqualTo(decimal(schema.get("maximum")));
      List<String> values = new ArrayList<>();
      schema.path("enum").forEach(v -> values.add(v.asText()));
      assertThat(actual.allowedValues()).isEqualTo(values);
      assertThat(actual.role()).isEqualTo(role(p));
      assertThat(actual.example()).isEqualTo(text(schema.get("example")));
    }

    JsonNode row = rowSchema(get);
    List<String> fields = new ArrayList<>();
    row.path("properties").fieldNames().forEachRemaining(fields::add);
    assertThat(op.rowFields()).extracting(RowField::jsonName).containsExactlyElementsOf(fields);
    for (RowField f : op.rowFields()) {
      JsonNode schema = resolve(row.get("properties").get(f.jsonName()));
      assertThat(f.jsonType()).as(f.jsonName()).isEqualTo(schema.path("type").asText("object"));
      assertThat(f.format()).as(f.jsonName()).isEqualTo(text(schema.get("format")));
      assertThat(f.pattern()).as(f.jsonName()).isEqualTo(text(schema.get("pattern")));
      assertThat(f.nullable()).as(f.jsonName()).isEqualTo(schema.path("nullable").asBoolean());
      assertThat(f.integerString())
          .as(f.jsonName())
          .isEqualTo(schema.path("x-integer-string").asBoolean());
      assertThat(f.deprecated()).as(f.jsonName()).isEqualTo(schema.path("deprecated").asBoolean());
      assertThat(squeeze(f.description()))
          .as(f.jsonName())
          .isEqualTo(squeeze(text(schema.get("description"))));
    }
    assertThat(op.rowType().getSimpleName())
        .isEqualTo(
            resolveRef(get.at("/responses/200"))
                    .at("/content/application~1json/schema/$ref")
                    .asText()
                    .replaceFirst(".*/", "")
                + "Row");
  }

  @Test
  void theEnvelopeAndItsCodesAreTheSpecs() {
    Map<Integer, String> codes = new java.util.TreeMap<>();
    SPEC.at("/components/schemas/ResultCode/x-error-codes")
        .properties()
        .forEach(e -> codes.put(Integer.parseInt(e.getKey()), e.getValue().asText()));
    assertThat(codes).containsEntry(30004, "not-ready").hasSize(7);
    assertThat(Operations.resultCodes()).isEqualTo(codes);
    List<String> envelope = new ArrayList<>();
    SPEC.at("/components/schemas/Envelope/properties").fieldNames().forEachRemaining(envelope::add);
    envelope.add("data");
    assertThat(Operations.envelopeFields()).containsExactlyElementsOf(envelope);
  }

  @Test
  void findsAnOperationByEachOfItsNames() {
    Operation<NetworkStorageCapacityRow> op = Operations.POWER_NETWORK_STORAGE_CAPACITY;
    for (String name :
        List.of(
            "power/network_storage_capacity",
            "/v2/power/network_storage_capacity",
            "Power_networkStorageCapacity",
            "power.networkStorageCapacity")) {
      assertThat(Operations.byName(name)).as(name).containsSame(op);
    }
    assertThat(Operations.byName("power/network_storage_capacit")).isEmpty();
    assertThat(op.rowType()).isEqualTo(NetworkStorageCapacityRow.class);
    assertThat(op.clientName()).isEqualTo("power.networkStorageCapacity");
    assertThat(op).hasToString("power/network_storage_capacity");
  }

  @Test
  void rowFieldsCarryTheirJsonAndJavaTypes() {
    List<RowField> fields = Operations.POWER_NETWORK_STORAGE_CAPACITY.rowFields();
    assertThat(fields)
        .extracting(
            RowField::jsonName,
            RowField::javaName,
            RowField::jsonType,
            RowField::format,
            RowField::javaType,
            RowField::nullable,
            RowField::integerString)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "stat_date", "statDate", "string", "date-time", OffsetDateTime.class, false, false),
            org.assertj.core.groups.Tuple.tuple(
                "total_raw_bytes_power",
                "totalRawBytesPower",
                "number",
                null,
                BigDecimal.class,
                false,
                false));
  }

  @Test
  @SuppressWarnings("deprecation") // deals/deal_snapshot: deprecated upstream, still documented
  void theDealSearchParametersCarryTheirRules() {
    Operation<?> search = Operations.DEALS_DEAL_SNAPSHOT;
    OperationParameter pageSize = search.parameter("page_size").orElseThrow();
    assertThat(pageSize.role()).isEqualTo(Role.PAGE_SIZE);
    assertThat(pageSize.required()).isTrue();
    assertThat(pageSize.minimum()).isEqualByComparingTo("1");
    assertThat(pageSize.maximum()).isEqualByComparingTo("1000");
    assertThat(search.requiresOneOf())
        .containsExactly(
            "deal_id",
            "piece_cid",
            "client_id",
            "client_address",
            "provider_id",
            "provider_address");
    assertThat(search.requiresOneOf())
        .allSatisfy(
            name ->
                assertThat(search.parameter(name).orElseThrow().role())
                    .isEqualTo(Role.SEARCH_FILTER));
  }

  @Test
  void valuesAreExactInTheSpecsOrderThenTheUnknownFieldsByName() {
    NetworkStorageCapacityRow row = new NetworkStorageCapacityRow();
    row.setStatDate(OffsetDateTime.parse("2024-01-01T00:00:00Z"));
    row.setTotalRawBytesPower(new BigDecimal("12345678901234567890.123456789"));
    row.putAdditionalProperty("zeta", 0.1d);
    row.putAdditionalProperty("alpha", new BigInteger("123456789012345678901234567890"));
    row.putAdditionalProperty("stat_date", "never overrides a declared field");

    Map<String, Object> values = Operations.POWER_NETWORK_STORAGE_CAPACITY.values(row);

    List<String> declared =
        Operations.POWER_NETWORK_STORAGE_CAPACITY.rowFields().stream()
            .map(RowField::jsonName)
            .toList();
    List<String> expectedOrder = new ArrayList<>(declared);
    expectedOrder.addAll(List.of("alpha", "zeta"));
    assertThat(values.keySet()).containsExactlyElementsOf(expectedOrder);
    assertThat(values.get("stat_date")).isEqualTo(OffsetDateTime.parse("2024-01-01T00:00:00Z"));
    assertThat(values.get("total_raw_bytes_power"))
        .isEqualTo(new BigDecimal("12345678901234567890.123456789"));
    assertThat(values.get("total_qa_bytes_power")).isNull();
    assertThat(values.get("alpha")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(values.get("zeta")).isEqualTo(new BigDecimal("0.1"));
    assertThatThrownBy(() -> values.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void valuesRefusesARowOfAnotherOperation() {
    assertThatThrownBy(
            () ->
                Operations.POWER_NETWORK_STORAGE_CAPACITY.values(
                    new SectorsScheduleExpirationRow()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NetworkStorageCapacityRow")
        .hasMessageContaining("SectorsScheduleExpirationRow");
  }

  @Test
  void thePublicationRuleIsTheNextDayAt21UtcUnlessFutureDatesAreAllowed() {
    LocalDate day = LocalDate.of(2024, 3, 10);
    assertThat(Operations.POWER_NETWORK_STORAGE_CAPACITY.publishedAt(day))
        .contains(Instant.parse("2024-03-11T21:00:00Z"));
    Operation<?> future =
        Operations.all().stream().filter(Operation::allowsFutureDates).findFirst().orElseThrow();
    assertThat(future.publishedAt(day)).isEmpty();
  }

  private static Role role(JsonNode p) {
    for (Role r : Role.values()) {
      String flag = "x-" + r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      if (p.path(flag).asBoolean(false)) {
        return r;
      }
    }
    return Role.UNBOUND;
  }

  private static JsonNode rowSchema(JsonNode get) {
    JsonNode envelope =
        resolve(resolveRef(get.at("/responses/200")).at("/content/application~1json/schema"));
    for (JsonNode part : envelope.path("allOf")) {
      JsonNode data = resolve(part).at("/properties/data/items");
      if (!data.isMissingNode()) {
        return resolve(data);
      }
    }
    throw new IllegalStateException("no data in " + envelope);
  }

  private static JsonNode resolveRef(JsonNode node) {
    return resolve(node);
  }

  private static JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (current.has("$ref")) {
      current = SPEC.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  private static String squeeze(String s) {
    return s == null ? null : s.replaceAll("\\s+", " ").strip();
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static String text(JsonNode n) {
    return n == null ? null : n.asText();
  }

  private static BigDecimal decimal(JsonNode n) {
    return n == null ? null : n.decimalValue();
  }

  private static JsonNode readSpec() {
    try (InputStream in =
        OperationsTest.class.getResourceAsStream(
            "/io/github/spacescopejava/spec/spacescope.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
