/**
 * Implementation details of the ergonomic client: pure logic (publication times, window splitting,
 * retry timing) and constraint validators. Not part of the public API; it may change in any
 * release.
 */
@NullMarked
package io.github.spacescopejava.client.internal;

import org.jspecify.annotations.NullMarked;
