package io.github.spacescopejava.generated;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration for SpaceScope payloads: lossless numbers and UTC timestamps.
 *
 * <p>Every number that is not declared in the spec (fields kept in a model's additional properties)
 * decodes as {@link java.math.BigDecimal} or an exact integer type, never as a {@code double}; a
 * fraction arriving in a field declared as an integer is an error instead of being truncated;
 * unknown fields are kept, not failed on; a tree ({@code readTree}) keeps each decimal's written
 * scale, as the models do. Timestamps in the API's one form ({@code 2022-07-01T00:00:00Z}) take a
 * fast path; every other form goes through the full ISO-8601 parser.
 */
public final class SpaceScopeJson {
  private SpaceScopeJson() {}

  /** Returns a new mapper configured for SpaceScope payloads; callers may share it. */
  public static ObjectMapper newObjectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        // Registered after JavaTimeModule, so it replaces that module's OffsetDateTime reader.
        .addModule(
            new SimpleModule("spacescope-utc-timestamps")
                .addDeserializer(java.time.OffsetDateTime.class, new UtcTimestampDeserializer()))
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        // A tree keeps a decimal as written (100.0 stays 100.0, not 1E+2), like the models do.
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .build();
  }
}
