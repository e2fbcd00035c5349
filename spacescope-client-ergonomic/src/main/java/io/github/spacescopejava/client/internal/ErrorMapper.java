package io.github.spacescopejava.client.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
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
   * told (status, request id), for a later decoding failure to name. The body is decoded into the
   * model straight from its bytes; the tree is built only when something needs it (a decoding
   * failure to describe, a DEBUG line), or was built already by the full classification.
   */
  static final class Success implements Outcome {
    private final byte[] body;
    private final RequestContext context;
    private final ObjectMapper mapper;
    private @Nullable JsonNode tree;

    Success(byte[] body, @Nullable JsonNode tree, RequestContext context, ObjectMapper mapper) {
      this.body = body;
      this.tree = tree;
      this.context = context;
      this.mapper = mapper;
    }

    byte[] body() {
      return body;
    }

    RequestContext context() {
      return context;
    }

    @Nullable String requestId() {
      return context.requestId();
    }

    /** The tree the full classification built, or null if the shortcut took the body. */
    @Nullable JsonNode tree() {
      return tree;
    }

    /** The envelope as a tree (parsed on first use; the body is known to parse). */
    JsonNode envelope() {
      if (tree == null) {
        try {
          tree = mapper.readTree(body);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return tree;
    }
  }

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
    if (status == 200) {
      Success plain = plainSuccess(body, context);
      if (plain != null) {
        return plain;
      }
    }
    return classifyFully(status, header, body, context, lastDay);
  }

  /** {@link #classify} without the shortcut for plain successes: the tree of the whole body. */
  Outcome classifyFully(
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
    return new Success(body, tree, ctx, mapper);
  }

  /**
   * The common case without building a tree: a JSON object whose {@code code} is the integer 0,
   * whose {@code data} is an array and whose {@code message} and {@code request_id} are strings (or
   * null, or absent), read in one pass of the parser that skips over the rows. Null for anything
   * else, which {@link #classify} then examines in full; for the bodies it accepts, this gives
   * exactly the {@link Success} that the full examination would give.
   */
  @Nullable Success plainSuccess(byte[] body, RequestContext context) {
    if (body.length == 0) {
      return null;
    }
    JsonToken codeToken = null;
    long code = -1;
    JsonToken dataToken = null;
    String message = null;
    String requestId = null;
    int seen = 0;
    try (JsonParser p = mapper.getFactory().createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        int bit =
            switch (name) {
              case "code" -> 1;
              case "data" -> 2;
              case "message" -> 4;
              case "request_id" -> 8;
              default -> 0;
            };
        if ((seen & bit) != 0) {
          // A repeated envelope field: the tree keeps the last, the model would see both.
          return null;
        }
        seen |= bit;
        switch (name) {
          case "code" -> {
            codeToken = value;
            code = value == JsonToken.VALUE_NUMBER_INT ? p.getBigIntegerValue().intValue() : -1;
          }
          case "data" -> dataToken = value;
          case "message" -> {
            if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
              return null;
            }
            message = p.getValueAsString();
          }
          case "request_id" -> {
            if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
              return null;
            }
            requestId = p.getValueAsString();
          }
          default -> {
            // Another field: skipped below like the rows.
          }
        }
        p.skipChildren();
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        return null;
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    if (codeToken != JsonToken.VALUE_NUMBER_INT
        || code != 0
        || dataToken != JsonToken.START_ARRAY) {
      return null;
    }
    RequestContext ctx =
        context.withResponse(200, 0, redactor.text(message), redactor.text(requestId));
    return new Success(body, null, ctx, mapper);
  }

  /**
   * A success envelope whose rows do not decode as the spec's types: names the field, what the spec
   * expects there and what came, keeping the response's status, code and request id.
   */
  Failure wrongTypes(Success ok, byte[] body, Exception cause) {
    return new Failure(
        new UnexpectedResponseException(
            "The answer does not match the spec: "
                + Mismatch.describe(treeOrMissing(ok), cause, redactor),
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
   * transport failure.
   */
  Failure transport(IOException cause, RequestContext context) {
    String target = "the server";
    IOException io = cause;
    if (cause instanceof Transport.AttemptFailed failed) {
      target = failed.target();
      io = failed.reason();
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

  private static JsonNode treeOrMissing(Success ok) {
    try {
      return ok.envelope();
    } catch (RuntimeException e) {
      return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
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
