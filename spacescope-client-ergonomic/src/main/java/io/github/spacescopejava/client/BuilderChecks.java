package io.github.spacescopejava.client;

import io.github.spacescopejava.client.InvalidInputException.Violation;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The checks of {@link SpaceScope.Builder#build()}, one per option or pair of options, each adding
 * to the list of problems that {@code build()} reports at once.
 */
final class BuilderChecks {
  // The largest byte array the JVM allocates reliably: one answer is held in one array.
  static final long MAX_RESPONSE_BYTES = Integer.MAX_VALUE - 8;

  private BuilderChecks() {}

  static void token(@Nullable String token, List<Violation> problems) {
    if (token == null || token.isBlank()) {
      problems.add(
          new Violation(
              "token",
              token == null ? "null" : "(blank)",
              "token is required: pass token(...) or set " + SpaceScope.TOKEN_ENV));
    } else if (token.regionMatches(true, 0, "Bearer", 0, 6)) {
      // Checked first: "Bearer abc" also has a space, but the prefix is the mistake to name.
      problems.add(
          new Violation(
              "token",
              "(redacted, starts with 'Bearer')",
              "the token alone: the client adds the 'Bearer ' prefix"));
    } else if (!token.chars().allMatch(BuilderChecks::isTokenChar)) {
      problems.add(
          new Violation(
              "token",
              "(redacted, " + token.length() + " characters)",
              "printable ASCII without spaces, quotes or line breaks, as issued"));
    }
  }

  private static boolean isTokenChar(int c) {
    return c > 0x20 && c < 0x7f && c != '"' && c != '\'';
  }

  /** The base URL without trailing slashes; a problem added when it is not one. */
  static String baseUrl(@Nullable String baseUrl, List<Violation> problems) {
    String url = baseUrl == null ? "" : baseUrl.strip();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    String problem = baseUrlProblem(url);
    if (problem != null) {
      problems.add(new Violation("baseUrl", String.valueOf(baseUrl), problem));
    }
    return url;
  }

  // What each option accepts instead of null, for build()'s report.
  private static final Map<String, String> INSTEAD_OF_NULL =
      Map.of(
          "token",
          "the token as issued; leave token(...) out to read " + SpaceScope.TOKEN_ENV,
          "baseUrl",
          "an absolute http(s) URL; default " + SpaceScope.DEFAULT_BASE_URL,
          "connectTimeout",
          "a positive duration of at most 1 day; default 10 s",
          "readTimeout",
          "a positive duration of at most 1 day; default 60 s",
          "retryPolicy",
          "a policy, such as RetryPolicy.defaults() or RetryPolicy.none()",
          "clock",
          "a clock, such as Clock.systemUTC()",
          "httpClient",
          "an HttpClient; leave httpClient(...) out for the built-in one",
          "logger",
          "an SLF4J logger");

  /** {@code value}, or {@code current} when it is null, recorded in {@code nulls} for build(). */
  static <T> T keep(Map<String, String> nulls, String option, @Nullable T value, T current) {
    if (value == null) {
      nulls.put(option, INSTEAD_OF_NULL.get(option));
      return current;
    }
    nulls.remove(option);
    return value;
  }

  /** Your own HttpClient: no connect timeout beside it, and no redirects. */
  static void httpClient(
      @Nullable HttpClient httpClient,
      @Nullable Duration connectTimeout,
      List<Violation> problems) {
    if (httpClient != null && connectTimeout != null) {
      problems.add(
          new Violation(
              "connectTimeout",
              String.valueOf(connectTimeout),
              "no connect timeout together with httpClient(...): set it on your HttpClient"
                  + " with HttpClient.newBuilder().connectTimeout(...)"));
    }
    if (httpClient != null && httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
      problems.add(
          new Violation(
              "httpClient",
              "an HttpClient with followRedirects " + httpClient.followRedirects(),
              "an HttpClient with followRedirects(HttpClient.Redirect.NEVER) (the JDK's"
                  + " default): a followed redirect could take the token to another origin"));
    }
  }

  static void maxResponseBytes(long maxResponseBytes, List<Violation> problems) {
    if (maxResponseBytes < 1 || maxResponseBytes > MAX_RESPONSE_BYTES) {
      problems.add(
          new Violation(
              "maxResponseBytes",
              String.valueOf(maxResponseBytes),
              "1 to "
                  + MAX_RESPONSE_BYTES
                  + " bytes (the largest byte array the JVM allocates); default "
                  + SpaceScope.DEFAULT_MAX_RESPONSE_BYTES
                  + " (64 MiB)"));
    }
  }

  static void maxConcurrentRequests(int maxConcurrentRequests, List<Violation> problems) {
    if (maxConcurrentRequests < 1 || maxConcurrentRequests > 64) {
      problems.add(
          new Violation("maxConcurrentRequests", String.valueOf(maxConcurrentRequests), "1 to 64"));
    }
  }

  // Durations the JDK client can hold in milliseconds without overflow, with room to spare.
  private static final Duration MAX_TIMEOUT = Duration.ofDays(1);

  static void timeout(String name, @Nullable Duration value, List<Violation> problems) {
    if (value == null || value.isNegative() || value.isZero() || value.compareTo(MAX_TIMEOUT) > 0) {
      problems.add(
          new Violation(name, String.valueOf(value), "a positive duration of at most 1 day"));
    }
  }

  /** Why {@code url} cannot be the API's base URL, or null when it can. */
  static @Nullable String baseUrlProblem(String url) {
    String accepted = "an absolute http(s) URL such as " + SpaceScope.DEFAULT_BASE_URL;
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return accepted + " (not a URL: " + e.getReason() + ")";
    }
    if (!uri.isAbsolute()
        || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
        || uri.getHost() == null) {
      return accepted;
    }
    if (uri.getRawQuery() != null) {
      return accepted + ", without a query string (request paths and parameters go after it)";
    }
    if (uri.getRawFragment() != null) {
      return accepted + ", without a fragment (#...)";
    }
    if (uri.getRawUserInfo() != null) {
      return accepted + ", without user information (user:password@): pass the token instead";
    }
    return null;
  }
}
