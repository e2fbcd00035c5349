package io.github.spacescopejava.testkit.internal;

import com.github.tomakehurst.wiremock.common.Notifier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** WireMock's messages, through SLF4J, with any authorization header value blanked out. */
final class RedactingNotifier implements Notifier {
  private static final Logger LOG = LoggerFactory.getLogger("io.github.spacescopejava.testkit");
  private static final Pattern AUTHORIZATION =
      Pattern.compile("(?i)(authorization\"?\\s*[:=]\\s*\"?)[^\"\\r\\n]*");

  static String redact(String message) {
    return AUTHORIZATION.matcher(message).replaceAll("$1[redacted]");
  }

  @Override
  public void info(String message) {
    LOG.debug(redact(message));
  }

  @Override
  public void error(String message) {
    LOG.warn(redact(message));
  }

  @Override
  public void error(String message, Throwable t) {
    LOG.warn(redact(message) + ": " + t);
  }
}
