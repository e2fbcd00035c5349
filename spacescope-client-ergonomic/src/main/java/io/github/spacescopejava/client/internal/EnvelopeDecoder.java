package io.github.spacescopejava.client.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import feign.Response;
import feign.RetryableException;
import feign.codec.Decoder;
import feign.codec.ErrorDecoder;
import io.github.spacescopejava.client.internal.FailureClassifier.Outcome;
import io.github.spacescopejava.client.internal.FailureClassifier.Success;
import io.github.spacescopejava.generated.model.Envelope;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Feign's {@link Decoder} (2xx answers, whose envelope may still carry an error code) and {@link
 * ErrorDecoder} (everything else) of the ergonomic client. A usable answer becomes the generated
 * envelope; anything else is classified by {@link FailureClassifier} and leaves Feign's call as a
 * {@link RejectedAnswer}, for the call site to name with its endpoint and window.
 */
final class EnvelopeDecoder implements Decoder, ErrorDecoder {
  private final ObjectMapper mapper;
  private final ObjectMapper strict;
  private final FailureClassifier classifier;
  // Readers per envelope type: the mapper's, and the strict one of plainSuccess.
  private final ConcurrentHashMap<Type, Readers> readers = new ConcurrentHashMap<>();

  private record Readers(ObjectReader plain, ObjectReader strict) {}

  EnvelopeDecoder(ObjectMapper mapper, FailureClassifier classifier) {
    this.mapper = mapper;
    this.strict = strictCopy(mapper);
    this.classifier = classifier;
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
  public Object decode(Response response, Type type) throws IOException {
    byte[] body = read(response);
    Readers r = readers(type);
    if (response.status() == 200) {
      // The common answer, straight from the bytes (decision D41); anything else below.
      Object plain = plainSuccess(body, r.strict());
      if (plain != null) {
        return plain;
      }
    }
    Outcome outcome = classifier.classify(response.status(), name -> header(response, name), body);
    if (outcome instanceof Rejection rejected) {
      throw new RejectedAnswer(rejected, response.request());
    }
    Success ok = (Success) outcome;
    try {
      return r.plain().readValue(ok.envelope());
    } catch (IOException | RuntimeException e) {
      throw new RejectedAnswer(classifier.wrongTypes(ok, body, e), response.request());
    }
  }

  @Override
  public Exception decode(String methodKey, Response response) {
    byte[] body;
    try {
      body = read(response);
    } catch (IOException e) {
      // The body was cut short on the wire: a transport failure, as Feign reports one.
      return new RetryableException(
          response.status(),
          "reading the answer failed",
          response.request().httpMethod(),
          e,
          (Long) null,
          response.request());
    }
    Outcome outcome = classifier.classify(response.status(), name -> header(response, name), body);
    if (outcome instanceof Rejection rejected) {
      return new RejectedAnswer(rejected, response.request());
    }
    // A non-2xx status with a success envelope: still not a result we can trust.
    return new RejectedAnswer(
        classifier.successEnvelopeWithStatus(response.status(), body), response.request());
  }

  /**
   * The common answer decoded in one pass, straight from the bytes into the model, without the tree
   * that {@link FailureClassifier#classify} builds: {@code strict} reads the body into an envelope
   * whose {@code code} is 0 and whose {@code data} is a list. Null for anything else, which then
   * goes through the classifier and the tree.
   *
   * <p>{@code strict} is the mapper's reader for the envelope type with every coercion to text
   * refused ({@link #strictCopy}): a number or a boolean where the model has a string would read as
   * its raw text here but as the tree's rendering of it there ({@code 1e3} against {@code 1E+3}).
   * With that refused, an envelope this accepts is the one the tree gives, which {@code
   * PlainSuccessTest} checks body by body. The mapper reads an integer only from an integer token,
   * so {@code code} is 0 only for the integer 0.
   */
  static @Nullable Object plainSuccess(byte[] body, ObjectReader strict) {
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
    return value;
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

  private static byte[] read(Response response) throws IOException {
    if (response.body() == null) {
      return new byte[0];
    }
    if (response.body() instanceof HttpTransport.BytesBody bytes) {
      return bytes.bytes();
    }
    // Another body: a capability or Feign's logger replaced the transport's.
    try (InputStream in = response.body().asInputStream()) {
      return in.readAllBytes();
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
