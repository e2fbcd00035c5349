package io.github.spacescopejava.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spacescopejava.client.AuthenticationException;
import io.github.spacescopejava.client.DataNotReadyException;
import io.github.spacescopejava.client.DateRange;
import io.github.spacescopejava.client.InvalidRequestException;
import io.github.spacescopejava.client.LimitExceededException;
import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.ServerException;
import io.github.spacescopejava.client.UnexpectedResponseException;
import io.github.spacescopejava.client.internal.Failure.Retry;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Where what came back becomes a typed exception: every status, code and body shape of an answer is
 * mapped here and nowhere else (a request that got no answer is {@link TransportFailures}'). Pure:
 * no I/O, no clock; tested for every code and status without a server. All server text it keeps
 * goes through {@link Redactor}: bounded, and free of the token.
 *
 * <p>An answer is classified before anyone names the request: the decoder does not know the window.
 * So {@link #classify} returns a {@link Rejection}, whose exception the call site makes with the
 * endpoint, window and last day it passes explicitly.
 */
final class FailureClassifier {
  private final ObjectMapper mapper;
  private final Redactor redactor;
  private final TruncatedJson truncated;

  /**
   * @param mapper the mapper that parses envelopes
   * @param token the configured token, redacted from any server text kept
   */
  FailureClassifier(ObjectMapper mapper, String token) {
    this.mapper = mapper;
    this.redactor = new Redactor(token);
    this.truncated = new TruncatedJson(mapper);
  }

  /** The redactor that every kept server text goes through. */
  Redactor redactor() {
    return redactor;
  }

  /** What an answer is: a success envelope to decode, or a {@link Rejection}. */
  sealed interface Outcome permits Success, Rejection {}

  /**
   * A {@code code: 0} envelope with a {@code data} array, and what the response told, for a later
   * decoding failure to name.
   */
  record Success(JsonNode envelope, Answer answer) implements Outcome {}

  /**
   * Classifies an answer.
   *
   * @param status the HTTP status
   * @param header the response's headers by name, case-insensitive; null when absent
   * @param body the body bytes (empty when there was none)
   */
  Outcome classify(int status, Function<String, @Nullable String> header, byte[] body) {
    JsonNode tree = parse(body);
    boolean object = tree != null && tree.isObject();
    boolean envelope = object && tree.path("code").isIntegralNumber();
    Integer code = envelope ? tree.get("code").intValue() : null;
    String message = envelope ? redactor.text(text(tree, "message")) : null;
    // An object without an integer code still names its request when it has a request_id.
    String requestId = object ? redactor.text(text(tree, "request_id")) : null;
    Answer answer = new Answer(status, code, message, requestId);
    String retryAfter = header.apply("Retry-After");

    if (status == 401) {
      return answer.rejected(Retry.NEVER, null, (c, d) -> authentication(code, c));
    }
    if (status == 429) {
      // Whether it is retried depends on the policy and Retry-After: the message does not say.
      String text =
          "Too many requests (HTTP 429, a rate limit"
              + (retryAfter == null ? "" : "; Retry-After: " + redactor.text(retryAfter))
              + ")"
              + serverSaid(message, body, envelope);
      return answer.rejected(
          Retry.TRANSIENT,
          retryAfter,
          (c, d) ->
              new LimitExceededException(text, LimitExceededException.Kind.RATE_LIMIT, c, null));
    }
    if (status >= 500) {
      Retry retry =
          status == 500 || status == 502 || status == 503 || status == 504
              ? Retry.TRANSIENT
              : Retry.NEVER;
      String text = "The server failed (HTTP " + status + ")" + serverSaid(message, body, envelope);
      return answer.rejected(retry, retryAfter, (c, d) -> new ServerException(text, c, null));
    }
    if (status == 400) {
      String text =
          "The request was refused as malformed (HTTP 400)" + serverSaid(message, body, envelope);
      return answer.rejected(
          Retry.NEVER, null, (c, d) -> new InvalidRequestException(text, c, null));
    }
    String excerpt = redactor.excerpt(body);
    if (status >= 300 && status < 400) {
      String location = redactor.text(header.apply("Location"));
      String text =
          "The server answered with a redirect (HTTP "
              + status
              + (location == null ? "" : " to " + location)
              + "), which the client does not follow, so that the token goes to the base URL"
              + " only: check baseUrl";
      return unexpected(answer, text, excerpt);
    }
    if (status < 200 || status >= 300) {
      return unexpected(answer, "Unexpected HTTP status " + status, excerpt);
    }
    if (tree == null && truncated.test(body)) {
      // A complete HTTP answer whose JSON stops half-way: the answer was cut short on its way,
      // as a reset would have cut it; sent again, it comes whole.
      return answer.rejected(
          Retry.TRANSIENT,
          null,
          (c, d) ->
              new UnexpectedResponseException(
                  "The response body ends in the middle of its JSON (a truncated answer), after "
                      + body.length
                      + " bytes",
                  excerpt,
                  c,
                  null));
    }
    if (!envelope) {
      String why =
          body.length == 0
              ? "The response body was empty"
              : tree == null
                  ? "The response is not JSON (a gateway page?)"
                  : "The response is JSON but not the API's envelope (no integer 'code')";
      return unexpected(answer, why, excerpt);
    }
    if (code != 0) {
      return byCode(answer, retryAfter, excerpt);
    }
    JsonNode data = tree.get("data");
    if (data == null || !data.isArray()) {
      String what = data == null ? "has no 'data'" : "has 'data' of type " + data.getNodeType();
      return unexpected(
          answer,
          "A success envelope (code 0) " + what + "; refusing to treat it as an empty result",
          excerpt);
    }
    return new Success(tree, answer);
  }

  /**
   * A success envelope whose rows do not decode as the spec's types: names the field, what the spec
   * expects there and what came, keeping the response's status, code and request id.
   */
  Rejection wrongTypes(Success ok, byte[] body, Exception cause) {
    // Jackson's own message quotes server text unredacted and gives advice meant for mapper
    // authors; everything useful is in ours, so it is not kept as the cause.
    return unexpected(
        ok.answer(),
        "The answer does not match the spec: " + Mismatch.describe(ok.envelope(), cause, redactor),
        redactor.excerpt(body));
  }

  /** A non-2xx status that came with a success envelope: not a result the client can trust. */
  Rejection successEnvelopeWithStatus(int status, byte[] body) {
    return unexpected(
        new Answer(status, 0, null, null),
        "HTTP " + status + " with a success envelope (code 0); refusing to use it",
        redactor.excerpt(body));
  }

  private static Rejection unexpected(Answer answer, String text, String excerpt) {
    return answer.rejected(
        Retry.NEVER, null, (c, d) -> new UnexpectedResponseException(text, excerpt, c, null));
  }

  private Rejection byCode(Answer answer, @Nullable String retryAfter, String excerpt) {
    int code = answer.code();
    String said = answer.message() == null ? "" : ": " + answer.message();
    switch (code) {
      case 10011:
      case 10012:
        return answer.rejected(Retry.NEVER, null, (c, d) -> authentication(code, c));
      case 30001:
        String quota =
            "The API refused the request for quota, historical range or API limits (code"
                + " 30001), not retried unless the retry policy says so"
                + said;
        return answer.rejected(
            Retry.LIMIT,
            retryAfter,
            (c, d) ->
                new LimitExceededException(quota, LimitExceededException.Kind.QUOTA, c, null));
      case 30002:
        String refused = "The server rejected the request's parameters (code 30002)" + said;
        return answer.rejected(
            Retry.NEVER, null, (c, d) -> new InvalidRequestException(refused, c, null));
      case 30003:
        String internal = "The server reported an internal error (code 30003)" + said;
        return answer.rejected(
            Retry.TRANSIENT, retryAfter, (c, d) -> new ServerException(internal, c, null));
      case 30004:
        return answer.rejected(Retry.NEVER, null, (c, lastDay) -> notReady(said, c, lastDay));
      default:
        return unexpected(answer, "The API answered with an unknown code " + code + said, excerpt);
    }
  }

  /** 30004, with when the last day asked for is expected, if the call site knows it. */
  private static DataNotReadyException notReady(
      String said, RequestContext ctx, @Nullable LocalDate lastDay) {
    Instant expected = lastDay == null ? null : DateRange.publishedAt(lastDay);
    String when =
        expected == null
            ? "day D is published at 21:00 UTC on day D+1"
            : "day " + lastDay + " is expected at " + expected + " (21:00 UTC the next day)";
    return new DataNotReadyException(
        "The data asked for is not published yet (code 30004)" + said + "; " + when,
        expected,
        ctx,
        null);
  }

  private static AuthenticationException authentication(
      @Nullable Integer code, RequestContext ctx) {
    if (code != null && code == 10012) {
      return new AuthenticationException(
          "The token has expired (code 10012)",
          "get a new token from SpaceScope and pass it to SpaceScope.builder().token(...) or set"
              + " SPACESCOPE_API_TOKEN",
          ctx,
          null);
    }
    if (code != null && code == 10011) {
      return new AuthenticationException(
          "The authorization header was refused: it must be 'Bearer <token>' (code 10011)",
          "pass the token exactly as issued, without a 'Bearer ' prefix, quotes or spaces: the"
              + " client adds the prefix",
          ctx,
          null);
    }
    return new AuthenticationException(
        "The token was refused (HTTP 401)",
        "check that the token is valid and not expired",
        ctx,
        null);
  }

  private @Nullable JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return mapper.readTree(body);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static @Nullable String text(JsonNode tree, String field) {
    JsonNode n = tree.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  private String serverSaid(@Nullable String message, byte[] body, boolean envelope) {
    if (envelope) {
      return message == null ? "" : ": " + message;
    }
    return body.length == 0 ? " with an empty body" : "; body starts: " + redactor.excerpt(body);
  }

  /** A short, single-line, token-free excerpt of a body. */
  String excerpt(byte[] body) {
    return redactor.excerpt(body);
  }
}
