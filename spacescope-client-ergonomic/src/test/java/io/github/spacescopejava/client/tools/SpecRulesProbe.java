package io.github.spacescopejava.client.tools;

import io.github.spacescopejava.client.DealSearch;
import io.github.spacescopejava.client.InvalidInputException;
import io.github.spacescopejava.client.ProviderId;

/**
 * Prints whether the client accepts a provider id and a page size, for SpecEditTest, which runs it
 * in a fresh JVM against an edited copy of the spec.
 */
public final class SpecRulesProbe {
  private SpecRulesProbe() {}

  /** Arguments: pairs of a provider id and a page size; prints one line per pair. */
  public static void main(String[] args) {
    for (int i = 0; i + 1 < args.length; i += 2) {
      System.out.println(probe(args[i], args[i + 1]));
    }
  }

  private static String probe(String minerId, String pageSize) {
    String[] args = {minerId, pageSize};
    StringBuilder out = new StringBuilder();
    try {
      ProviderId.of(args[0]);
      out.append("minerId ").append(args[0]).append(" accepted");
    } catch (InvalidInputException e) {
      out.append("minerId ").append(args[0]).append(" refused");
    }
    out.append("; ");
    try {
      DealSearch.builder().pageSize(Integer.parseInt(args[1])).dealId(1).build();
      out.append("pageSize ").append(args[1]).append(" accepted");
    } catch (InvalidInputException e) {
      out.append(e.getMessage());
    }
    out.append("; MAX_PAGE_SIZE ").append(DealSearch.MAX_PAGE_SIZE);
    return out.toString();
  }
}
