package io.github.spacescopejava.testkit.internal;

import io.github.spacescopejava.testkit.Fault;
import io.github.spacescopejava.testkit.RecordedRequest;
import io.github.spacescopejava.testkit.Scenario;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fake SpaceScope without HTTP: a request in, a reply out. Each request gets a fresh {@code
 * request_id} ({@link RequestIds}). The order of checks:
 *
 * <ol>
 *   <li>the request is validated against the spec and recorded (with the validator's reasons);
 *   <li>a path or method that is not in the spec gets HTTP 404 (or 405) and code 30002;
 *   <li>a {@link Scenario} that selects the request answers with its {@link Fault} ({@link
 *       FaultReplies});
 *   <li>the authorization header ({@link Authorizer}): HTTP 401 with 10011 (not {@code Bearer
 *       <token>}) or 10012 (expired or unknown token);
 *   <li>a request that breaks the spec gets HTTP 200 and 30002 with the validator's reasons;
 *   <li>the API's rules as the spec states them ({@link ApiRules}): start after end, a window over
 *       the limit, a malformed value, no filter of {@code x-requires-one-of} (30002); a day after
 *       the publication cut-off of the fake's clock (30004);
 *   <li>otherwise code 0 with synthetic rows.
 * </ol>
 */
public final class FakeEngine {
  private static final int MAX_VERDICTS = 10_000;

  private final ApiSpec spec;
  private final FakeClock clock;
  private final ScenarioBook scenarios = new ScenarioBook();

  /** The validator's verdicts, by request: validation is the costliest step of an answer. */
  private final Map<String, List<String>> verdicts = new ConcurrentHashMap<>();

  private final RequestLog log;
  private final RequestIds ids = new RequestIds();
  private final Authorizer authorizer;
  private final ApiRules rules;

  public FakeEngine(ApiSpec spec, FakeSettings settings, FakeClock clock) {
    this.spec = spec;
    this.clock = clock;
    this.log = new RequestLog(settings.requestLogLimit());
    this.authorizer = new Authorizer(settings);
    this.rules = new ApiRules(spec, settings, clock);
  }

  public ApiSpec spec() {
    return spec;
  }

  public FakeClock clock() {
    return clock;
  }

  /** Adds a scenario after checking its operation and error code against the spec. */
  public void addScenario(Scenario scenario) {
    String operationId = null;
    if (scenario.operation() != null) {
      OperationSpec op = spec.find(scenario.operation());
      if (op == null) {
        throw new IllegalArgumentException(
            "'"
                + scenario.operation()
                + "' is not an operation of the spec: give a path such as"
                + " /v2/power/network_storage_capacity or an operationId such as"
                + " Power_networkStorageCapacity");
      }
      operationId = op.operationId();
    }
    Fault fault = scenario.fault();
    if (fault.kind() == Fault.Kind.ERROR_CODE && !spec.resultCodes().containsKey(fault.code())) {
      throw new IllegalArgumentException(
          fault.code()
              + " is not a result code documented in the spec "
              + spec.resultCodes().keySet());
    }
    scenarios.add(scenario, operationId);
  }

  public void clearScenarios() {
    scenarios.clear();
  }

  public List<RecordedRequest> requests() {
    return log.all();
  }

  public List<RecordedRequest> invalidRequests() {
    return log.invalid();
  }

  public void clearRequests() {
    log.clear();
  }

  /** Answers one request and records it. */
  public Reply handle(IncomingRequest request) {
    String id = ids.next(request);
    OperationSpec op = "GET".equals(request.method()) ? spec.byPath(request.path()) : null;
    List<String> violations = validate(request);
    if (op == null && violations.isEmpty()) {
      violations =
          List.of(request.method() + " " + request.path() + " is not an operation of the spec");
    }
    Reply reply =
        op == null ? notInSpec(request, id, violations) : answer(op, request, id, violations);
    log.add(
        new RecordedRequest(
            request.method(),
            request.path(),
            request.query(),
            op == null ? null : op.operationId(),
            reply.connectionReset() ? 0 : reply.status(),
            reply.code(),
            violations));
    return reply;
  }

  private List<String> validate(IncomingRequest r) {
    String key = r.method() + " " + r.path() + " " + r.query() + " " + r.accept();
    List<String> verdict = verdicts.get(key);
    if (verdict == null) {
      verdict = spec.validate(r.method(), r.path(), r.query(), r.accept());
      if (verdicts.size() >= MAX_VERDICTS) {
        verdicts.clear(); // a crude bound; a fake sees few distinct requests
      }
      verdicts.put(key, verdict);
    }
    return verdict;
  }

  private Reply notInSpec(IncomingRequest request, String id, List<String> violations) {
    boolean knownPath = spec.byPath(request.path()) != null;
    return Replies.error(
        knownPath ? 405 : 404,
        id,
        30002,
        "request does not match the spec: " + String.join("; ", violations));
  }

  private Reply answer(
      OperationSpec op, IncomingRequest request, String id, List<String> violations) {
    ScenarioBook.Decision decision = scenarios.consult(op.operationId());
    Reply reply =
        decision.fault() == null
            ? normal(op, request, id, violations)
            : FaultReplies.of(decision.fault(), id, () -> normal(op, request, id, violations));
    return decision.delay().isZero() ? reply : reply.withDelay(decision.delay());
  }

  private Reply normal(
      OperationSpec op, IncomingRequest request, String id, List<String> violations) {
    Reply unauthorized = authorizer.refuse(request, id);
    if (unauthorized != null) {
      return unauthorized;
    }
    if (!violations.isEmpty()) {
      return Replies.error(
          200, id, 30002, "request does not match the spec: " + String.join("; ", violations));
    }
    return rules.answer(op, request, id);
  }
}
