/**
 * The SpaceScope client to call: validated date ranges, window splitting, typed exceptions and
 * retries over the generated client.
 *
 * <p>Read transitively: the generated module (rows are its {@code generated.model} types), Bean
 * Validation (the range constraints and {@code InvalidInputException}'s violations) and SLF4J (the
 * builder takes a logger). Hibernate Validator (without an expression language: messages are
 * interpolated by its parameter interpolator) is required here (no YAML reader: the operation
 * catalog and the parameter rules are generated at build time), not by the caller, so that a
 * modular application needs only {@code requires io.github.spacescopejava.client;}.
 */
// Micrometer 1.x is an automatic module (no module-info of its own); it is optional (requires
// static).
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.spacescopejava.client {
  requires transitive io.github.spacescopejava.generated;
  requires transitive jakarta.validation;
  requires transitive org.slf4j;
  requires static transitive org.jspecify;
  requires transitive java.net.http; // Builder.httpClient(HttpClient)
  requires com.fasterxml.jackson.databind;
  requires feign.core;
  requires java.logging; // quiets Hibernate Validator's version line
  requires org.hibernate.validator;
  // Only the metrics package uses Micrometer; a user who passes SpaceScopeMetrics requires it
  // too. Not transitive: "requires static transitive" makes javac look for it when compiling
  // every modular consumer, which the downstream project "modular" (without Micrometer) refuses.
  requires static micrometer.core;

  exports io.github.spacescopejava.client;
  exports io.github.spacescopejava.client.api;
  exports io.github.spacescopejava.client.constraints;
  exports io.github.spacescopejava.client.event;
  exports io.github.spacescopejava.client.metrics;

  // Hibernate Validator reads the value types and instantiates the constraint validators.
  opens io.github.spacescopejava.client to
      org.hibernate.validator;
  opens io.github.spacescopejava.client.constraints to
      org.hibernate.validator;
  opens io.github.spacescopejava.client.internal to
      org.hibernate.validator;
}
