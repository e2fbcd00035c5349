/**
 * The low-level SpaceScope client: Feign interfaces and Jackson models generated from the spec.
 *
 * <p>Feign, Jackson and Bean Validation are read transitively: the interfaces are Feign's, the
 * models carry Jackson and Jakarta annotations, and {@code GeneratedClients} hands out Feign
 * builders and Jackson mappers.
 */
module io.github.spacescopejava.generated {
  requires transitive feign.core;
  requires transitive com.fasterxml.jackson.annotation;
  requires transitive com.fasterxml.jackson.databind;
  requires transitive jakarta.annotation;
  requires transitive jakarta.validation;
  requires com.fasterxml.jackson.datatype.jsr310;
  requires feign.jackson;
  requires feign.java11;

  exports io.github.spacescopejava.generated;
  exports io.github.spacescopejava.generated.api;
  exports io.github.spacescopejava.generated.model;

  // Jackson binds the models by reflection.
  opens io.github.spacescopejava.generated.model to
      com.fasterxml.jackson.databind;
  // The spec travels here as a resource (io/github/spacescopejava/spec/spacescope.yaml).
  opens io.github.spacescopejava.spec;
}
