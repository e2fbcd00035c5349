/**
 * Holds no classes: {@code spacescope.yaml} here is the OpenAPI spec the client was generated from,
 * read by the testkit and other tools as a resource. The package exists so that the module can open
 * it: a resource of a named module is visible to other modules only in an open package.
 */
package io.github.spacescopejava.spec;
