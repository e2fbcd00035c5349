package io.github.spacescopejava.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.spacescopejava.client.AuthenticationException;
import io.github.spacescopejava.client.DataNotReadyException;
import io.github.spacescopejava.client.InvalidRequestException;
import io.github.spacescopejava.client.LimitExceededException;
import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.ServerException;
import io.github.spacescopejava.client.TransportException;
import io.github.spacescopejava.client.UnexpectedResponseException;
import io.github.spacescopejava.client.internal.Failure.Retry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The one place where what came back (or did not) becomes a typed exception. Pure: no I/O, no
 * clock; tested for every code and status without a server.
 */
public final class ErrorMapper {
  static final int EXCERPT_LIMIT = 200;
  private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S+");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private final ObjectMapper mapper;
  private final String token;

  /**
   * @param mapper the mapper that parses envelopes
   * @param token the configured token, redacted from any excerpt of a body
   */
  public ErrorMapper(ObjectMapper mapper, String token) {
    this.mapper = mapper;
    this.token = token;
  }

  /** The envelope of a successful answer, or the failure it stands for. */
  public sealed interface Outcome permits Success, Failed {}

  /** A {@code code: 0} envelope with a {@code data} array. */
  public record Success(JsonNode envelope, @Nullable String requestId) implements Outcome {}

  /** Anything else. */
  public record Failed(Failure failure) implements Outcome {}

  /**
   * Classifies a response.
   *
   * @param status the HTTP status
   * @param retryAfterHeader the {@code Retry-After} header, if any
   * @param body the body bytes (empty when there was none)
   * @param context endpoint, query and window of the request
   * @param lastDay the last day the request asked for, used to say when data will be ready
   */
  public Outcome classify(
      int status,
      @Nullable String retryAfterHeader,
      byte[] body,
      RequestContext context,
      @Nullable LocalDate lastDay) {
    JsonNode tree = parse(body);
    boolean envelope = tree != null && tree.isObject() && tree.path("code").isIntegralNumber();
    Integer code = envelope ? tree.get("code").intValue() : null;
    String message = envelope ? text(tree, "message") : null;
    String requestId = envelope ? text(tree, "request_id") : null;
    RequestContext ctx = context.withResponse(status, code, message, requestId);
    String retryAfter = retryAfterHeader;

    if (status == 401) {
      return failed(authentication(code, ctx), Retry.NEVER, null);
    }
    if (status == 429) {
      return failed(
          new LimitExceededException(
              "Too many requests (HTTP 429)" + serverSaid(message, body, envelope), ctx, null),
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
    if (status < 200 || status >= 300) {
      return failed(
          new UnexpectedResponseException(
              "Unexpected HTTP status " + status, excerpt(body), ctx, null),
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
          new UnexpectedResponseException(why, excerpt(body), ctx, null), Retry.NEVER, null);
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
              excerpt(body),
              ctx,
              null),
          Retry.NEVER,
          null);
    }
    return new Success(tree, requestId);
  }

  /** A body that parsed as an envelope but not as the operation's model (wrong types). */
  public Failure wrongTypes(byte[] body, RequestContext context, Exception cause) {
    return new Failure(
        new UnexpectedResponseException(
            "The envelope's rows do not match the spec's types: " + firstLine(cause.getMessage()),
            excerpt(body),
            context,
            cause),
        Retry.NEVER,
        null);
  }

  /** A request that did not complete: refused, reset, timed out, cut short. */
  public Failure transport(IOException cause, RequestContext context) {
    String what =
        cause instanceof java.net.http.HttpTimeoutException
                || cause instanceof java.net.SocketTimeoutException
            ? "The request timed out"
            : cause instanceof java.net.ConnectException
                ? "Could not connect to the server"
                : "The connection failed";
    return new Failure(
        new TransportException(
            what + ": " + cause.getClass().getSimpleName() + redactedDetail(cause), context, cause),
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
                "The API refused the request for quota, historical range or API limits (code 30001)"
                    + said,
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
                "The API answered with an unknown code " + code + said, excerpt(body), ctx, null),
            Retry.NEVER,
            null);
    }
  }

  private static AuthenticationException authentication(
      @Nullable Integer code, RequestContext ctx) {
    if (code != null && code == 10012) {
      return new AuthenticationException(
          "The token has expired (code 10012)",
          "get a new token from SpaceScope and pass it to SpaceScope.builder().token(...) or set SPACESCOPE_API_TOKEN",
          ctx,
          null);
    }
    if (code != null && code == 10011) {
      return new AuthenticationException(
          "The authorization header was refused: it must be 'Bearer <token>' (code 10011)",
          "pass the token exactly as issued, without a 'Bearer ' prefix, quotes or spaces: the client adds the prefix",
          ctx,
          null);
    }
    return new AuthenticationException(
        "The token was refused (HTTP 401)",
        "check that the token is valid and not expired",
        ctx,
        null);
  }

  private static Outcome failed(
      io.github.spacescopejava.client.SpaceScopeException e, Retry retry, @Nullable String after) {
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
    return body.length == 0 ? " with an empty body" : "; body starts: " + excerpt(body);
  }

  /** A short, single-line, token-free excerpt of a body. */
  public String excerpt(byte[] body) {
    String s =
        new String(body, 0, Math.min(body.length, EXCERPT_LIMIT * 4), StandardCharsets.UTF_8);
    s = redact(s);
    s = WHITESPACE.matcher(s).replaceAll(" ").trim();
    if (s.length() > EXCERPT_LIMIT) {
      s = s.substring(0, EXCERPT_LIMIT) + "…";
    }
    return s.isEmpty() ? "(empty)" : s;
  }

  private String redact(String s) {
    String out = BEARER.matcher(s).replaceAll("Bearer [redacted]");
    if (!token.isEmpty()) {
      out = out.replace(token, "[redacted]");
    }
    return out;
  }

  private String redactedDetail(Throwable cause) {
    String m = cause.getMessage();
    return m == null || m.isBlank() ? "" : " (" + redact(firstLine(m)) + ")";
  }

  private static String firstLine(@Nullable String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
