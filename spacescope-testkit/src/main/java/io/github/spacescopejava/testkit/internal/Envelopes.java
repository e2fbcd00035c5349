package io.github.spacescopejava.testkit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes the API's envelope, {@code {request_id, code, message, data}}, byte for byte stable. */
final class Envelopes {
  static final String SUCCESS = "success.";
  private static final JsonFactory JSON = new JsonFactory();

  private Envelopes() {}

  /** {@code code} 0 and the rows; {@code rows} null writes {@code "data": null}. */
  static byte[] success(String requestId, @Nullable List<Map<String, Object>> rows) {
    return write(requestId, 0, SUCCESS, rows);
  }

  static byte[] error(String requestId, int code, String message) {
    return write(requestId, code, message, null);
  }

  private static byte[] write(
      String requestId, int code, String message, @Nullable List<Map<String, Object>> rows) {
    ByteArrayOutputStream out =
        new ByteArrayOutputStream(rows == null ? 256 : 256 + rows.size() * 512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("request_id", requestId);
      g.writeNumberField("code", code);
      g.writeStringField("message", message);
      g.writeFieldName("data");
      if (rows == null) {
        g.writeNull();
      } else {
        g.writeStartArray();
        for (Map<String, Object> row : rows) {
          g.writeStartObject();
          for (Map.Entry<String, Object> e : row.entrySet()) {
            g.writeFieldName(e.getKey());
            writeValue(g, e.getValue());
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeValue(JsonGenerator g, @Nullable Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(WireNumbers.text(d)); // never 2.04E+19; 4.9e-06 as the API writes it
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof List<?>) {
      g.writeStartArray();
      g.writeEndArray();
    } else if (v instanceof Map<?, ?>) {
      g.writeStartObject();
      g.writeEndObject();
    } else {
      g.writeString(v.toString());
    }
  }
}
