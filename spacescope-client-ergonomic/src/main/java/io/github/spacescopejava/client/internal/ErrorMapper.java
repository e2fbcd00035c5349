package io.github.spacescopejava.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.github.spacescopejava.client.AuthenticationException;
import io.github.spacescopejava.client.DataNotReadyException;
import io.github.spacescopejava.client.InvalidRequestException;
import io.github.spacescopejava.client.LimitExceededException;
import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.ServerException;
import io.github.spacescopejava.client.SpaceScopeException;
import io.github.spacescopejava.client.TransportException;
import io.github.spacescopejava.client.UnexpectedResponseException;
import io.github.spacescopejava.client.internal.Failure.Retry;
import io.github.spacescopejava.generated.model.Envelope;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The one place where what came back (or did not) becomes a typed exception. Pure: no I/O, no
 * clock; tested for every code and status without a server. All server text it keeps goes through
 * {@link Redactor}: bounded, and free of the token. Longer than the other parts on purpose: every
 * status and code is mapped here and nowhere else, so a reader sees the whole mapping at once.
 */
final class ErrorMapper {
  private final ObjectMapper mapper;
  private final Redactor redactor;

  /**
   * @param mapper the mapper that parses envelopes
   * @param token the configured token, redacted from any server text kept
   */
  ErrorMapper(ObjectMapper mapper, String token) {
    this.mapper = mapper;
    this.redactor = new Redactor(token);
  }

  /** The envelope of a successful answer, or the failure it stands for. */
  sealed interface Outcome permits Success, Failed {}

  /**
   * A {@code code: 0} envelope with a {@code data} array, and the context with what the response
   * told (status, request id), for a later decoding failure to name.
   */
  record Success(JsonNode envelope, RequestContext context) implements Outcome {
    @Nullable String requestId() {
      return context.requestId();
    }
  }

  /** A plain success, already decoded into its model, and its context. */
  record Decoded(Object value, RequestContext context) {}

  /** Anything else. */
  record Failed(Failure failure) implements Outcome {}

  /**
   * Classifies a response.
   *
   * @param status the HTTP status
   * @param header the response's headers by name, case-insensitive; null when absent
   * @param body the body bytes (empty when there was none)
   * @param context endpoint, query and window of the request
   * @param lastDay the last day the request asked for, used to say when data will be ready
   */
  Outcome classify(
      int status,
      Function<String, @Nullable String> header,
      byte[] body,
      RequestContext context,
      @Nullable LocalDate lastDay) {
    JsonNode tree = parse(body);
    boolean envelope = tree != null && tree.isObject() && tree.path("code").isIntegralNumber();
    Integer code = envelope ? tree.get("code").intValue() : null;
    String message = envelope ? redactor.text(text(tree, "message")) : null;
    String requestId = envelope ? redactor.text(text(tree, "request_id")) : null;
    RequestContext ctx = context.withResponse(status, code, message, requestId);
    String retryAfter = header.apply("Retry-After");

    if (status == 401) {
      return failed(authentication(code, ctx), Retry.NEVER, null);
    }
    if (status == 429) {
      return failed(
          new LimitExceededException(
              "Too many requests (HTTP 429), a rate limit; retried under the retry policy"
                  + serverSaid(message, body, envelope),
              LimitExceededException.Kind.RATE_LIMIT,
              ctx,
              null),
          Retry.TRANSIENT,
          retryAfter);
    }
    if (status >= 500) {
      Retry retry =
          status == 500 || status == 502 || status == 503 || status == 504
              ? Retry.TRANSIENT
              : Retry.NEVER;
      return failed(
          new ServerException(
              "The server failed (HTTP " + status + ")" + serverSaid(message, body, envelope),
              ctx,
              null),
          retry,
          retryAfter);
    }
    if (status == 400) {
      return failed(
          new InvalidRequestException(
              "The request was refused as malformed (HTTP 400)"
                  + serverSaid(message, body, envelope),
              ctx,
              null),
          Retry.NEVER,
          null);
    }
    if (status >= 300 && status < 400) {
      String location = redactor.text(header.apply("Location"));
      return failed(
          new UnexpectedResponseException(
              "The server answered with a redirect (HTTP "
                  + status
                  + (location == null ? "" : " to " + location)
                  + "), which the client does not follow, so that the token goes to the base URL"
                  + " only: check baseUrl",
              redactor.excerpt(body),
              ctx,
              null),
          Retry.NEVER,
          null);
    }
    if (status < 200 || status >= 300) {
      return failed(
          new UnexpectedResponseException(
              "Unexpected HTTP status " + status, redactor.excerpt(body), ctx, null),
          Retry.NEVER,
          null);
    }
    if (!envelope) {
      String why =
          body.length == 0
              ? "The response body was empty"
              : tree == null
                  ? "The response is not JSON (a gateway page or a truncated body?)"
                  : "The response is JSON but not the API's envelope (no integer 'code')";
      return failed(
          new UnexpectedResponseException(why, redactor.excerpt(body), ctx, null),
          Retry.NEVER,
          null);
    }
    if (code != 0) {
      return byCode(code, message, ctx, lastDay, retryAfter, body);
    }
    JsonNode data = tree.get("data");
    if (data == null || !data.isArray()) {
      String what = data == null ? "has no 'data'" : "has 'data' of type " + data.getNodeType();
      return failed(
          new UnexpectedResponseException(
              "A success envelope (code 0) " + what + "; refusing to treat it as an empty result",
              redactor.excerpt(body),
              ctx,
              null),
          Retry.NEVER,
          null);
    }
    return new Success(tree, ctx);
  }

  /**
   * The common answer decoded in one pass, straight from the bytes into the model, without the tree
   * that {@link #classify} builds: status 200 (the caller checks it), and {@code strict} reads the
   * body into an envelope whose {@code code} is 0 and whose {@code data} is a list. Null for
   * anything else, which then goes through {@link #classify} and the tree as before.
   *
   * <p>{@code strict} is the mapper's reader for the envelope type with every coercion to text
   * refused ({@link #strictCopy}): a number or a boolean where the model has a string would read as
   * its raw text here but as the tree's rendering of it there ({@code 1e3} against {@code 1E+3}).
   * With that refused, an envelope this accepts is the one the tree gives, same values and same
   * context, which {@code PlainSuccessTest} checks body by body. The mapper reads an integer only
   * from an integer token, so {@code code} is 0 only for the integer 0.
   */
  @Nullable Decoded plainSuccess(byte[] body, ObjectReader strict, RequestContext context) {
    if (body.length == 0) {
      return null;
    }
    Object value;
    try {
      value = strict.readValue(body);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (!(value instanceof Envelope envelope)
        || envelope.getCode() == null
        || envelope.getCode() != 0
        || !(data(value) instanceof List)) {
      return null;
    }
    RequestContext ctx =
        context.withResponse(
            200, 0, redactor.text(envelope.getMessage()), redactor.text(envelope.getRequestId()));
    return new Decoded(value, ctx);
  }

  /** A copy of {@code mapper} that refuses every coercion to text, for {@link #plainSuccess}. */
  static ObjectMapper strictCopy(ObjectMapper mapper) {
    ObjectMapper strict = mapper.copy();
    strict
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return strict;
  }

  /** The {@code data} of a generated envelope, through its typed getter; null if it has none. */
  static @Nullable Object data(Object envelope) {
    return DATA.get(envelope.getClass()).apply(envelope);
  }

  // Each generated envelope has its own typed getData(); looked up once per class.
  private static final ClassValue<Function<Object, @Nullable Object>> DATA =
      new ClassValue<>() {
        @Override
        protected Function<Object, @Nullable Object> computeValue(Class<?> type) {
          java.lang.reflect.Method getter;
          try {
            getter = type.getMethod("getData");
          } catch (NoSuchMethodException e) {
            return o -> null;
          }
          return o -> {
            try {
              return getter.invoke(o);
            } catch (ReflectiveOperationException e) {
              return null;
            }
          };
        }
      };

  /**
   * A success envelope whose rows do not decode as the spec's types: names the field, what the spec
   * expects there and what came, keeping the response's status, code and request id.
   */
  Failure wrongTypes(Success ok, byte[] body, Exception cause) {
    return new Failure(
        new UnexpectedResponseException(
            "The answer does not match the spec: "
                + Mismatch.describe(ok.envelope(), cause, redactor),
            redactor.excerpt(body),
            ok.context(),
            // Jackson's own message quotes server text unredacted and gives advice meant for
            // mapper authors; everything useful is in our message.
            null),
        Retry.NEVER,
        null);
  }

  /** A non-2xx status that came with a success envelope: not a result the client can trust. */
  Failure successEnvelopeWithStatus(int status, byte[] body, RequestContext context) {
    return new Failure(
        new UnexpectedResponseException(
            "HTTP " + status + " with a success envelope (code 0); refusing to use it",
            redactor.excerpt(body),
            context.withResponse(status, 0, null, null),
            null),
        Retry.NEVER,
        null);
  }

  /**
   * A request that did not complete: refused, reset, timed out, cut short. Retried, like every
   * transport failure; except an answer the transport stopped reading because it was larger than
   * {@code maxResponseBytes}, which is {@link #tooLarge}.
   */
  Failure transport(IOException cause, RequestContext context) {
    String target = "the server";
    IOException io = cause;
    if (cause instanceof Transport.AttemptFailed failed) {
      target = failed.target();
      io = failed.reason();
    }
    if (io instanceof BoundedBody.TooLarge big) {
      return tooLarge(big, context);
    }
    String what =
        io instanceof java.net.http.HttpTimeoutException
                || io instanceof java.net.SocketTimeoutException
            ? (io instanceof java.net.http.HttpConnectTimeoutException
                ? "Connecting to " + target + " timed out"
                : "The request to " + target + " timed out")
            : io instanceof java.net.ConnectException
                ? "Could not connect to " + target
                : "The connection to " + target + " failed";
    return new Failure(
        new TransportException(
            what + ": " + io.getClass().getSimpleName() + redactedDetail(io), context, io),
        Retry.TRANSIENT,
        null);
  }

  /**
   * An answer larger than {@code maxResponseBytes} (decision D44): not retried, since the same
   * answer would come again, and never an empty or partial result. Names the limit, what arrived
   * and the builder option that raises it.
   */
  private Failure tooLarge(BoundedBody.TooLarge big, RequestContext context) {
    String what =
        big.declaredOverLimit()
            ? "The answer announced "
                + big.declared()
                + " bytes (Content-Length), more than the limit of "
                + big.limit()
                + " bytes: the client read none of it (0 bytes)"
            : "The answer was larger than the limit of "
                + big.limit()
                + " bytes: "
                + big.arrived()
                + " bytes had arrived when the client stopped reading it";
    return new Failure(
        new UnexpectedResponseException(
            what
                + " and its connection was closed. Not retried: the same answer would come again."
                + " If answers this large are expected, raise the limit with"
                + " SpaceScope.builder().maxResponseBytes(...)",
            big.declaredOverLimit() ? "(not read)" : redactor.excerpt(big.start()),
            context.withResponse(big.status(), null, null, null),
            null),
        Retry.NEVER,
        null);
  }

  private Outcome byCode(
      int code,
      @Nullable String message,
      RequestContext ctx,
      @Nullable LocalDate lastDay,
      @Nullable String retryAfter,
      byte[] body) {
    String said = message == null ? "" : ": " + message;
    switch (code) {
      case 10011:
      case 10012:
        return failed(authentication(code, ctx), Retry.NEVER, null);
      case 30001:
        return failed(
            new LimitExceededException(
                "The API refused the request for quota, historical range or API limits (code"
                    + " 30001), not retried unless the retry policy says so"
                    + said,
                LimitExceededException.Kind.QUOTA,
                ctx,
                null),
            Retry.LIMIT,
            retryAfter);
      case 30002:
        return failed(
            new InvalidRequestException(
                "The server rejected the request's parameters (code 30002)" + said, ctx, null),
            Retry.NEVER,
            null);
      case 30003:
        return failed(
            new ServerException(
                "The server reported an internal error (code 30003)" + said, ctx, null),
            Retry.TRANSIENT,
            retryAfter);
      case 30004:
        Instant expected = lastDay == null ? null : Availability.publishedAt(lastDay);
        String when =
            expected == null
                ? "day D is published at 21:00 UTC on day D+1"
                : "day " + lastDay + " is expected at " + expected + " (21:00 UTC the next day)";
        return failed(
            new DataNotReadyException(
                "The data asked for is not published yet (code 30004)" + said + "; " + when,
                expected,
                ctx,
                null),
            Retry.NEVER,
            null);
      default:
        return failed(
            new UnexpectedResponseException(
                "The API answered with an unknown code " + code + said,
                redactor.excerpt(body),
                ctx,
                null),
            Retry.NEVER,
            null);
    }
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

  private static Outcome failed(SpaceScopeException e, Retry retry, @Nullable String after) {
    return new Failed(new Failure(e, retry, after));
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

  private String redactedDetail(Throwable cause) {
    String m = cause.getMessage();
    return m == null || m.isBlank() ? "" : " (" + redactor.text(m) + ")";
  }
}
