/**
 * The fake's machinery: the spec model, row synthesis, the rules engine and the WireMock binding.
 * Not an API: anything here may change in any release.
 */
@NullMarked
package io.github.spacescopejava.testkit.internal;

import org.jspecify.annotations.NullMarked;
