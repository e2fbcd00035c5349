package io.github.spacescopejava.cli;

/** How {@code fetch} writes rows. */
enum OutputFormat {
  /** Aligned columns for reading in a terminal. */
  table,
  /** RFC 4180 CSV with a header line. */
  csv,
  /** One JSON array of row objects. */
  json,
  /** One JSON object per line. */
  ndjson
}
