/**
 * The sync's internals: the spec reader, the table layout, the planner, the DuckDB store. Not part
 * of the API: may change in any release.
 */
@NullMarked
package io.github.spacescopejava.sync.internal;

import org.jspecify.annotations.NullMarked;
