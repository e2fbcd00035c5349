package io.github.spacescopejava.testkit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Writes the API's envelope, {@code {request_id, code, message, data}}, byte for byte stable. */
final class Envelopes {
  static final String SUCCESS = "success.";
  private static final JsonFactory JSON = new JsonFactory();

  /** Request ids as {@link RequestIds} makes them: nothing JSON would escape. */
  private static final Pattern PLAIN_ID = Pattern.compile("[0-9a-f-]{1,64}#[0-9]{1,19}");

  private Envelopes() {}

  /** {@code code} 0 and the rows; {@code rows} null writes {@code "data": null}. */
  static byte[] success(String requestId, @Nullable List<Map<String, Object>> rows) {
    return write(requestId, 0, SUCCESS, rows);
  }

  /**
   * {@code code} 0 and a {@code data} array already written by {@link #data}: byte for byte what
   * {@link #success(String, List)} writes for the same rows.
   */
  static byte[] successWith(String requestId, byte[] data) {
    if (PLAIN_ID.matcher(requestId).matches()) {
      // What the generator writes for an id that needs no escaping, without a generator.
      byte[] head =
          ("{\"request_id\":\""
                  + requestId
                  + "\",\"code\":0,\"message\":\""
                  + SUCCESS
                  + "\",\"data\":")
              .getBytes(StandardCharsets.US_ASCII);
      byte[] body = Arrays.copyOf(head, head.length + data.length + 1);
      System.arraycopy(data, 0, body, head.length, data.length);
      body[body.length - 1] = '}';
      return body;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(128 + data.length);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("request_id", requestId);
      g.writeNumberField("code", 0);
      g.writeStringField("message", SUCCESS);
      g.writeFieldName("data");
      g.writeRawValue(""); // the separator only; the array goes straight to the stream
      g.flush();
      out.write(data);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The JSON array of {@code rows}, as the envelope's {@code data} holds it. */
  static byte[] data(List<Map<String, Object>> rows) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 + rows.size() * 512);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      writeRows(g, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
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
        writeRows(g, rows);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeRows(JsonGenerator g, List<Map<String, Object>> rows)
      throws IOException {
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
