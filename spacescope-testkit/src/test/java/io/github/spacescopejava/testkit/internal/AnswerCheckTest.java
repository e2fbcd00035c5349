package io.github.spacescopejava.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recording against the live API prints how its answers differ from the spec (D27): each finding
 * names the operation, the field and what differs, once per problem with the number of rows.
 */
class AnswerCheckTest {
  private static final String PATH = "/v2/power/imaginary_rows";
  private static final String WHERE = "GET " + PATH + ": ";

  /** An endpoint with a field of every type the check knows, one of them deprecated. */
  private static final String ENDPOINT =
      """
        /v2/power/imaginary_rows:
          get:
            tags: [Power]
            operationId: Power_imaginaryRows
            summary: "Imaginary"
            description: "Rows with a field of every type."
            x-shape: day-range
            x-max-window-days: 7
            x-per-storage-provider: false
            x-row-date-field: stat_date
            parameters:
              - $ref: '#/components/parameters/StartDate'
              - $ref: '#/components/parameters/EndDate'
            responses:
              '200':
                description: rows
                content:
                  application/json:
                    schema:
                      type: object
                      properties:
                        request_id: {type: string}
                        code: {type: integer}
                        message: {type: string}
                        data:
                          type: array
                          items:
                            type: object
                            properties:
                              stat_date: {type: string, format: date-time}
                              day: {type: string, format: date}
                              count: {type: integer}
                              power: {type: number}
                              verified: {type: boolean}
                              fee: {type: string, x-integer-string: true}
                              name: {type: string}
                              tags: {type: array, items: {type: string}}
                              detail: {type: object}
                              old: {type: number, deprecated: true}
      """;

  private static final ApiSpec SPEC = withEndpoint();

  /** A row that matches the spec: each field's JSON value, by name. */
  private static final Map<String, String> FIELDS = fields();

  private static final String ROW = render(FIELDS);

  private static Map<String, String> fields() {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("stat_date", "\"2022-07-01T00:00:00Z\"");
    f.put("day", "\"2022-07-01\"");
    f.put("count", "3");
    f.put("power", "1.5");
    f.put("verified", "true");
    f.put("fee", "\"-12\"");
    f.put("name", "\"n\"");
    f.put("tags", "[]");
    f.put("detail", "{}");
    return f;
  }

  private static String render(Map<String, String> fields) {
    List<String> parts = new ArrayList<>();
    fields.forEach((name, json) -> parts.add("\"" + name + "\":" + json));
    return "{" + String.join(",", parts) + "}";
  }

  /** {@link #ROW} with one field's JSON value replaced (or added). */
  private static String row(String field, String json) {
    Map<String, String> f = new LinkedHashMap<>(FIELDS);
    f.put(field, json);
    return render(f);
  }

  private static String without(String field) {
    Map<String, String> f = new LinkedHashMap<>(FIELDS);
    f.remove(field);
    return render(f);
  }

  private static ApiSpec withEndpoint() {
    String spec = ApiSpec.readClasspathSpec();
    int paths = spec.indexOf("\npaths:\n") + "\npaths:\n".length();
    return ApiSpec.parse(spec.substring(0, paths) + ENDPOINT + spec.substring(paths));
  }

  private static List<String> check(String method, String path, int status, String body) {
    return AnswerCheck.check(
        SPEC,
        new Recording(
            method, path, Map.of(), status, Map.of("Content-Type", "application/json"), body));
  }

  private static List<String> check(String body) {
    return check("GET", PATH, 200, body);
  }

  private static String success(String... rows) {
    return "{\"request_id\":\"r\",\"code\":0,\"message\":\"success.\",\"data\":["
        + String.join(",", rows)
        + "]}";
  }

  @Test
  void anAnswerThatMatchesTheSpecHasNoFindings() {
    assertThat(check(success(ROW, ROW))).isEmpty();
    assertThat(check(success(row("power", "null"), row("count", "null")))).isEmpty();
    assertThat(check(success())).isEmpty();
    assertThat(check("{\"request_id\":\"r\",\"code\":0,\"message\":\"m\",\"data\":null}"))
        .isEmpty();
    assertThat(check("{\"request_id\":\"r\",\"code\":0,\"message\":\"m\"}")).isEmpty();
  }

  @Test
  void theFakesOwnAnswersMatchTheSpec() {
    FakeEngine engine = Engines.engine("2022-07-10T00:00:00Z");
    for (String target :
        List.of(
            "/v2/power/network_storage_capacity?start_date=2022-07-01&end_date=2022-07-03",
            "/v2/deals/deal_snapshot?client_id=f01234&page_size=3")) {
      Reply reply = Engines.get(engine, target);
      String path = target.substring(0, target.indexOf('?'));
      assertThat(
              AnswerCheck.check(
                  ApiSpec.bundled(),
                  new Recording(
                      "GET",
                      path,
                      Map.of(),
                      200,
                      Map.of(),
                      new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8))))
          .as(target)
          .isEmpty();
    }
  }

  static Stream<Arguments> findings() {
    return Stream.of(
        Arguments.of(
            "a field of the wrong type, counted over the rows, with the first example",
            success(row("count", "\"12\""), row("count", "\"13\""), ROW),
            List.of(
                WHERE
                    + "field 'count' is a string, the spec says integer in 2 of 3 rows"
                    + " (for example \"12\")")),
        Arguments.of(
            "a fraction where the spec says integer",
            success(row("count", "1.5")),
            List.of(
                WHERE
                    + "field 'count' is a number, the spec says integer in 1 of 1 rows"
                    + " (for example 1.5)")),
        Arguments.of(
            "a number sent as a string",
            success(row("power", "\"1.5\"")),
            List.of(
                WHERE
                    + "field 'power' is a string, the spec says number in 1 of 1 rows"
                    + " (for example \"1.5\")")),
        Arguments.of(
            "a flag sent as a string",
            success(row("verified", "\"true\"")),
            List.of(
                WHERE
                    + "field 'verified' is a string, the spec says boolean in 1 of 1 rows"
                    + " (for example \"true\")")),
        Arguments.of(
            "an amount that is not digits, and one that is a number",
            success(row("fee", "\"12a\""), row("fee", "12")),
            List.of(
                WHERE
                    + "field 'fee' is a string, the spec says a string of digits in 1 of 2 rows"
                    + " (for example \"12a\")",
                WHERE
                    + "field 'fee' is a number, the spec says a string of digits in 1 of 2 rows"
                    + " (for example 12)")),
        Arguments.of(
            "a date where the spec says a date-time, and a date-time where it says a date",
            success(row("stat_date", "\"2022-07-01\""), row("day", "\"2022-07-01T00:00:00Z\"")),
            List.of(
                WHERE
                    + "field 'stat_date' is a string, the spec says an RFC 3339 date-time string"
                    + " in 1 of 2 rows (for example \"2022-07-01\")",
                WHERE
                    + "field 'day' is a string, the spec says a YYYY-MM-DD string in 1 of 2 rows"
                    + " (for example \"2022-07-01T00:00:00Z\")")),
        Arguments.of(
            "a name that is a number, a list that is an object, an object that is a list",
            success(row("name", "7"), row("tags", "{}"), row("detail", "[]")),
            List.of(
                WHERE
                    + "field 'name' is a number, the spec says string in 1 of 3 rows"
                    + " (for example 7)",
                WHERE
                    + "field 'tags' is an object, the spec says array in 1 of 3 rows"
                    + " (for example {})",
                WHERE
                    + "field 'detail' is an array, the spec says object in 1 of 3 rows"
                    + " (for example [])")),
        Arguments.of(
            "a field the spec does not have, with a long example abbreviated",
            success(row("extra", "\"" + "x".repeat(50) + "\"")),
            List.of(
                WHERE
                    + "field 'extra' is not in the spec in 1 of 1 rows (for example \""
                    + "x".repeat(36)
                    + "...)")),
        Arguments.of(
            "a field the spec does not have, with an example of 40 characters in full",
            success(row("extra", "\"" + "x".repeat(38) + "\"")),
            List.of(
                WHERE
                    + "field 'extra' is not in the spec in 1 of 1 rows (for example \""
                    + "x".repeat(38)
                    + "\")")),
        Arguments.of(
            "a field of the spec that is absent (the deprecated one may be)",
            success(without("name")),
            List.of(WHERE + "field 'name' of the spec is absent in 1 of 1 rows")),
        Arguments.of(
            "a row that is not an object",
            success("\"row\"", ROW, "[1]"),
            List.of(
                WHERE + "a row is a string, not an object in 1 of 3 rows",
                WHERE + "a row is an array, not an object in 1 of 3 rows")),
        Arguments.of(
            "data that is not an array",
            "{\"request_id\":\"r\",\"code\":0,\"message\":\"m\",\"data\":{\"rows\":[]}}",
            List.of(WHERE + "data is an object, the spec says an array")),
        Arguments.of(
            "an envelope without its fields, with one more",
            "{\"code\":0,\"data\":[],\"trace\":\"t\"}",
            List.of(
                WHERE + "the envelope lacks 'request_id'",
                WHERE + "the envelope lacks 'message'",
                WHERE + "envelope field 'trace' is not in the spec")),
        Arguments.of(
            "a result code the spec does not document; its rows are not checked",
            "{\"request_id\":\"r\",\"code\":12345,\"message\":\"m\",\"data\":[1]}",
            List.of(
                WHERE
                    + "code 12345 is not a result code the spec documents "
                    + SPEC.resultCodes().keySet())),
        Arguments.of(
            "a result code that is a string",
            "{\"request_id\":\"r\",\"code\":\"0\",\"message\":\"m\",\"data\":null}",
            List.of(
                WHERE
                    + "code \"0\" is not a result code the spec documents "
                    + SPEC.resultCodes().keySet())),
        Arguments.of(
            "an error's data is not checked",
            "{\"request_id\":\"r\",\"code\":30002,\"message\":\"m\",\"data\":[1]}",
            List.of()),
        Arguments.of(
            "a body that is JSON but no envelope",
            "[1]",
            List.of(WHERE + "HTTP 200 with a body that is not a JSON envelope (application/json)")),
        Arguments.of(
            "a body that is not JSON",
            "<html>",
            List.of(
                WHERE + "HTTP 200 with a body that is not a JSON envelope (application/json)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("findings")
  void eachDifferenceIsReportedOnceWithWhereItIs(String what, String body, List<String> found) {
    assertThat(check(body)).containsExactlyElementsOf(found);
  }

  @Test
  void aPathOrMethodOutsideTheSpecIsReportedAsSuch() {
    assertThat(check("GET", "/v2/power/unknown", 404, "{}"))
        .containsExactly("GET /v2/power/unknown: not an operation of the spec (HTTP 404)");
    assertThat(check("POST", PATH, 405, "{}"))
        .containsExactly("POST " + PATH + ": not an operation of the spec (HTTP 405)");
  }
}
