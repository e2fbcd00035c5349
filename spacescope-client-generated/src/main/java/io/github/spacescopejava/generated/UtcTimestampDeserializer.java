package io.github.spacescopejava.generated;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import jakarta.annotation.Nullable;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads {@link OffsetDateTime} with a fast path for the one form the API writes, {@code
 * 2022-07-01T00:00:00Z}, and hands every other form to jackson-datatype-jsr310's parser unchanged.
 *
 * <p>Parsing {@code stat_date} through {@code DateTimeFormatter} was the largest cost of decoding
 * (46 % of the samples of an ergonomic call, issue 12). The fast path accepts exactly 20 characters
 * {@code yyyy-MM-ddTHH:mm:ssZ} with a valid date and time and returns what the full parser returns
 * for them (an offset of UTC, no fraction); anything else (offsets, fractions, numbers, invalid
 * days, a {@code @JsonFormat}, {@code ADJUST_DATES_TO_CONTEXT_TIME_ZONE}) takes the full parser,
 * errors included.
 */
final class UtcTimestampDeserializer extends StdScalarDeserializer<OffsetDateTime>
    implements ContextualDeserializer {
  private static final long serialVersionUID = 1L;

  private final JsonDeserializer<OffsetDateTime> fallback;

  UtcTimestampDeserializer() {
    this(InstantDeserializer.OFFSET_DATE_TIME);
  }

  private UtcTimestampDeserializer(JsonDeserializer<OffsetDateTime> fallback) {
    super(OffsetDateTime.class);
    this.fallback = fallback;
  }

  @Override
  public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    if (p.hasToken(JsonToken.VALUE_STRING)
        && !ctxt.isEnabled(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)) {
      OffsetDateTime fast =
          parseUtcSeconds(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
      if (fast != null) {
        return fast;
      }
    }
    return fallback.deserialize(p, ctxt);
  }

  @Override
  @SuppressWarnings("unchecked") // the jsr310 deserializer contextualizes to its own type
  public JsonDeserializer<?> createContextual(
      DeserializationContext ctxt, @Nullable BeanProperty property) throws JsonMappingException {
    JsonDeserializer<OffsetDateTime> contextual = fallback;
    if (fallback instanceof ContextualDeserializer c) {
      contextual = (JsonDeserializer<OffsetDateTime>) c.createContextual(ctxt, property);
    }
    JsonFormat.Value format = findFormatOverrides(ctxt, property, OffsetDateTime.class);
    boolean plain =
        format == null
            || (!format.hasPattern()
                && !format.hasTimeZone()
                && !format.hasLocale()
                && format.getShape() == JsonFormat.Shape.ANY);
    // A field with its own format is the full parser's business alone.
    return plain ? new UtcTimestampDeserializer(contextual) : contextual;
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ssZ} at {@code chars[offset..offset+length)} as a UTC {@link
   * OffsetDateTime}, or null when the text is not exactly that form with a valid date and time.
   */
  @Nullable
  static OffsetDateTime parseUtcSeconds(char[] chars, int offset, int length) {
    if (length != 20) {
      return null;
    }
    int o = offset;
    if (chars[o + 4] != '-'
        || chars[o + 7] != '-'
        || chars[o + 10] != 'T'
        || chars[o + 13] != ':'
        || chars[o + 16] != ':'
        || chars[o + 19] != 'Z') {
      return null;
    }
    int year = digits(chars, o, 4);
    int month = digits(chars, o + 5, 2);
    int day = digits(chars, o + 8, 2);
    int hour = digits(chars, o + 11, 2);
    int minute = digits(chars, o + 14, 2);
    int second = digits(chars, o + 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
      return null;
    }
    if (minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return null; // 2022-02-30: the full parser's error, worded as it words it
    }
    return OffsetDateTime.of(year, month, day, hour, minute, second, 0, ZoneOffset.UTC);
  }

  /** The decimal number of {@code count} ASCII digits, or -1 if one is not a digit. */
  private static int digits(char[] chars, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int d = chars[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }
}
