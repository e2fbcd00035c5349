package io.github.spacescopejava.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import feign.Request;
import feign.Response;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import io.github.spacescopejava.client.RequestContext;
import io.github.spacescopejava.client.internal.ErrorMapper.Failed;
import io.github.spacescopejava.client.internal.ErrorMapper.Outcome;
import io.github.spacescopejava.client.internal.ErrorMapper.Success;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Feign's decoding seams, both routed through {@link ErrorMapper}: the {@link Decoder} sees 2xx
 * answers (whose envelope may still carry an error code), the {@link ErrorDecoder} everything else.
 * Each response is logged at DEBUG in one line, without any header.
 */
final class Wire implements Decoder, ErrorDecoder {
  private final ObjectMapper mapper;
  private final ObjectMapper strict;
  private final ErrorMapper errors;
  private final Logger log;
  // Readers per envelope type: the mapper's, and the strict one of ErrorMapper.plainSuccess.
  private final ConcurrentHashMap<Type, Readers> readers = new ConcurrentHashMap<>();

  private record Readers(ObjectReader plain, ObjectReader strict) {}

  Wire(ObjectMapper mapper, ErrorMapper errors, Logger log) {
    this.mapper = mapper;
    this.strict = ErrorMapper.strictCopy(mapper);
    this.errors = errors;
    this.log = log;
  }

  private Readers readers(Type type) {
    Readers known = readers.get(type);
    if (known != null) {
      return known;
    }
    return readers.computeIfAbsent(
        type,
        t ->
            new Readers(
                mapper.readerFor(mapper.getTypeFactory().constructType(t)),
                strict.readerFor(strict.getTypeFactory().constructType(t))));
  }

  @Override
  public Object decode(Response response, Type type) {
    byte[] body = read(response);
    Readers r = readers(type);
    if (response.status() == 200) {
      // The common answer, straight from the bytes (decision D41); anything else below.
      ErrorMapper.Decoded plain =
          errors.plainSuccess(body, r.strict(), context(response.request()));
      if (plain != null) {
        if (log.isDebugEnabled()) {
          logSuccess(response, plain.context().requestId(), rows(plain.value()));
        }
        return plain.value();
      }
    }
    Outcome outcome = classify(response, body);
    if (outcome instanceof Failed failed) {
      throw new Failure.Signal(failed.failure());
    }
    Success ok = (Success) outcome;
    try {
      return r.plain().readValue(ok.envelope());
    } catch (IOException | RuntimeException e) {
      throw new Failure.Signal(errors.wrongTypes(ok, body, e));
    }
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    byte[] body = read(response);
    Outcome outcome = classify(response, body);
    if (outcome instanceof Failed failed) {
      return new Failure.Signal(failed.failure());
    }
    // A non-2xx status with a success envelope: still not a result we can trust.
    return new Failure.Signal(
        errors.successEnvelopeWithStatus(response.status(), body, context(response.request())));
  }

  private Outcome classify(Response response, byte[] body) {
    CallScope scope = CallScope.current();
    RequestContext ctx = context(response.request());
    Outcome outcome =
        errors.classify(
            response.status(),
            name -> header(response, name),
            body,
            ctx,
            scope == null ? null : scope.lastDay);
    if (log.isDebugEnabled()) {
      if (outcome instanceof Success s) {
        logSuccess(response, s.requestId(), s.envelope().get("data").size());
      } else {
        var e = ((Failed) outcome).failure().exception();
        log.debug(
            "{} {} -> {} code={} request_id={} in {} ms: {}",
            response.request().httpMethod(),
            pathAndQuery(response.request()),
            response.status(),
            e.apiCode().isPresent() ? e.apiCode().getAsInt() : "-",
            e.requestId().orElse("-"),
            elapsedMillis(),
            e.getClass().getSimpleName());
      }
    }
    return outcome;
  }

  private void logSuccess(Response response, @Nullable String requestId, int rows) {
    log.debug(
        "{} {} -> {} code=0 request_id={} rows={} in {} ms",
        response.request().httpMethod(),
        pathAndQuery(response.request()),
        response.status(),
        requestId,
        rows,
        elapsedMillis());
  }

  private static long elapsedMillis() {
    CallScope scope = CallScope.current();
    return scope == null ? -1 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - scope.startNanos);
  }

  private static int rows(Object envelope) {
    return ErrorMapper.data(envelope) instanceof java.util.List<?> list ? list.size() : -1;
  }

  static RequestContext context(@Nullable Request request) {
    CallScope scope = CallScope.current();
    String query = request == null ? null : rawQuery(request.url());
    if (scope != null) {
      return scope.context(query);
    }
    String path = request == null ? null : URI.create(request.url()).getRawPath();
    return new RequestContext(path, query, null, null, null, null, null);
  }

  /**
   * The raw query of a URL {@link DirectCalls} built (absolute, no fragment), as {@link
   * URI#getRawQuery()} gives it, without parsing the whole URI once more on every answer.
   */
  static @Nullable String rawQuery(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return null;
    }
    int hash = url.indexOf('#', q);
    return hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
  }

  static String pathAndQuery(Request request) {
    URI uri = URI.create(request.url());
    return uri.getRawQuery() == null
        ? uri.getRawPath()
        : uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private byte[] read(Response response) {
    if (response.body() == null) {
      return new byte[0];
    }
    if (response.body() instanceof Bytes bytes) {
      return bytes.bytes();
    }
    try (InputStream in = response.body().asInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      // The body was cut short on the wire: a transport failure, retried like one.
      throw new Failure.Signal(errors.transport(e, context(response.request())));
    }
  }

  /**
   * A body the transport has already read whole: {@link #read} takes its bytes as they are, where
   * Feign's own byte-array body would be copied once more through a stream.
   */
  record Bytes(byte[] bytes) implements Response.Body {
    @Override
    public Integer length() {
      return bytes.length;
    }

    @Override
    public boolean isRepeatable() {
      return true;
    }

    @Override
    public InputStream asInputStream() {
      return new java.io.ByteArrayInputStream(bytes);
    }

    @Override
    public java.io.Reader asReader(java.nio.charset.Charset charset) {
      return new java.io.InputStreamReader(asInputStream(), charset);
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
      return "Bytes[" + bytes.length + " bytes]";
    }
  }

  private static @Nullable String header(Response response, String name) {
    for (var entry : response.headers().entrySet()) {
      if (entry.getKey() != null && entry.getKey().equalsIgnoreCase(name)) {
        Collection<String> values = entry.getValue();
        return values.isEmpty() ? null : values.iterator().next();
      }
    }
    return null;
  }
}
