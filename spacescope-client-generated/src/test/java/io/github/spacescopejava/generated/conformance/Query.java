package io.github.spacescopejava.generated.conformance;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Query strings as sorted, decoded multi-maps, so that two requests compare by content. */
final class Query {
  private Query() {}

  /** The decoded query parameters of a request URL ({@code /path?a=1&b=2}); empty if none. */
  static Map<String, List<String>> of(String url) {
    String raw = URI.create(url).getRawQuery();
    Map<String, List<String>> params = new TreeMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return params;
  }

  static String path(String url) {
    return URI.create(url).getRawPath();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
