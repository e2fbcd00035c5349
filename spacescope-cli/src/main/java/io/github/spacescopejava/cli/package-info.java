/**
 * The {@code spacescope} command: lists, fetches, plots and checks SpaceScope data from a shell,
 * through the ergonomic client. Everything per operation comes from the spec bundled in the
 * generated client and from the client's generated operation groups; there is no per-endpoint code.
 */
@NullMarked
package io.github.spacescopejava.cli;

import org.jspecify.annotations.NullMarked;
