package io.github.spacescopejava.client;

import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The root of every exception the client throws. Unchecked, immutable, and free of secrets: it
 * carries what a person needs to act on the failure (the endpoint, the window, the API's code and
 * request id, the HTTP status) and never the token.
 *
 * <p>Catch a subclass to branch on the kind of failure:
 *
 * <ul>
 *   <li>{@link InvalidInputException}: your arguments were rejected before any request was sent;
 *   <li>{@link AuthenticationException}: 10011 / 10012, HTTP 401;
 *   <li>{@link LimitExceededException}: a limit: HTTP 429, a rate limit that is retried, or 30001,
 *       a quota or historical limit that is not retried by default ({@link
 *       LimitExceededException#kind()} tells them apart);
 *   <li>{@link InvalidRequestException}: 30002 or HTTP 400, the server refused the parameters;
 *   <li>{@link DataNotReadyException}: 30004, the day is not published yet;
 *   <li>{@link ServerException}: 30003 or HTTP 5xx;
 *   <li>{@link TransportException}: connection failures and timeouts;
 *   <li>{@link UnexpectedResponseException}: a body that is not a valid envelope, a redirect, or an
 *       answer larger than {@code maxResponseBytes};
 *   <li>{@link ClientClosedException}: the client was closed before or during the call.
 * </ul>
 *
 * <p>Server text kept in an exception (the envelope's {@code message}, body excerpts) is cut to a
 * short excerpt and has the client's token and anything shaped like a bearer credential removed.
 * Exceptions are serializable: the context survives serialization.
 */
public abstract sealed class SpaceScopeException extends RuntimeException
    permits InvalidInputException,
        AuthenticationException,
        LimitExceededException,
        InvalidRequestException,
        DataNotReadyException,
        ServerException,
        TransportException,
        UnexpectedResponseException,
        ClientClosedException {

  private static final long serialVersionUID = 1L;

  private final RequestContext context;

  SpaceScopeException(String message, RequestContext context, @Nullable Throwable cause) {
    super(message + context.describe(), cause);
    this.context = context;
  }

  /**
   * The endpoint path, such as {@code /v2/power/network_storage_capacity}; empty before a request.
   */
  public Optional<String> endpoint() {
    return Optional.ofNullable(context.endpoint());
  }

  /** The query string of the failed request (dates, ids; never credentials), if one was sent. */
  public Optional<String> query() {
    return Optional.ofNullable(context.query());
  }

  /** The date or hour window of the failed request, as {@code start..end}, if it had one. */
  public Optional<String> window() {
    return Optional.ofNullable(context.window());
  }

  /** The server's request id, to quote when reporting the problem to SpaceScope. */
  public Optional<String> requestId() {
    return Optional.ofNullable(context.requestId());
  }

  /** The API's {@code code} from the envelope (10011, 30002, ...), if the server sent one. */
  public OptionalInt apiCode() {
    return context.apiCode() == null ? OptionalInt.empty() : OptionalInt.of(context.apiCode());
  }

  /** The HTTP status, if a response arrived. */
  public OptionalInt httpStatus() {
    return context.httpStatus() == null
        ? OptionalInt.empty()
        : OptionalInt.of(context.httpStatus());
  }

  /** The server's own message from the envelope, if any. */
  public Optional<String> apiMessage() {
    return Optional.ofNullable(context.apiMessage());
  }

  /** Everything known about the failed request, in one value. */
  public RequestContext context() {
    return context;
  }
}
