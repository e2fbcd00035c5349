/**
 * The low-level SpaceScope client: Feign interfaces ({@code ...generated.api}) and Jackson models
 * ({@code ...generated.model}) generated at build time from spec/spacescope.yaml, plus the two
 * hand-written helpers that configure them ({@link
 * io.github.spacescopejava.generated.GeneratedClients}, {@link
 * io.github.spacescopejava.generated.SpaceScopeJson}). Most callers want the ergonomic client
 * instead, which adds validation, window splitting, typed errors and retries.
 */
package io.github.spacescopejava.generated;
