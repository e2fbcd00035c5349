package io.github.spacescopejava.client.internal;

import feign.Request;
import feign.Response;
import java.io.IOException;
import org.slf4j.Logger;

/**
 * Feign's {@link feign.Logger} on the client's SLF4J logger, at DEBUG, at Feign's {@code BASIC}
 * level: the request line ({@code ---> GET https://.../v2/...?start_date=... HTTP/1.1}) and the
 * status with the time it took, never a header (the {@code authorization} header carries the
 * token). Nothing is formatted while DEBUG is off.
 */
final class DebugLog extends feign.Logger {
  private final Logger log;

  DebugLog(Logger log) {
    this.log = log;
  }

  @Override
  protected void logRequest(String configKey, Level logLevel, Request request) {
    if (log.isDebugEnabled()) {
      super.logRequest(configKey, Level.BASIC, request);
    }
  }

  @Override
  protected Response logAndRebufferResponse(
      String configKey, Level logLevel, Response response, long elapsedTime) throws IOException {
    if (log.isDebugEnabled()) {
      return super.logAndRebufferResponse(configKey, Level.BASIC, response, elapsedTime);
    }
    return response;
  }

  @Override
  protected IOException logIOException(
      String configKey, Level logLevel, IOException ioe, long elapsedTime) {
    // The call site logs the failure it makes of it, with a redacted message.
    return ioe;
  }

  @Override
  protected void log(String configKey, String format, Object... args) {
    log.debug("{} {}", configKey, String.format(format, args));
  }
}
