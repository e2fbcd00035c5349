/**
 * A local copy of SpaceScope in DuckDB: one table per operation, derived from the spec, with exact
 * types; incremental runs that fetch only what is new (and a short lookback), one transaction per
 * window, and a Parquet export. Start with {@link io.github.spacescopejava.sync.SpaceScopeSync}.
 */
@NullMarked
package io.github.spacescopejava.sync;

import org.jspecify.annotations.NullMarked;
