/**
 * A fake SpaceScope API for integration tests, derived at runtime from the spec: every operation,
 * deterministic synthetic rows, the API's rules, request validation, and scenarios of faults. Use
 * it through {@link io.github.spacescopejava.testkit.SpaceScopeFakeTest}, {@link
 * io.github.spacescopejava.testkit.SpaceScopeFakeExtension}, {@link
 * io.github.spacescopejava.testkit.SpaceScopeFake} or the standalone {@link
 * io.github.spacescopejava.testkit.SpaceScopeFakeServer}.
 */
@NullMarked
package io.github.spacescopejava.testkit;

import org.jspecify.annotations.NullMarked;
