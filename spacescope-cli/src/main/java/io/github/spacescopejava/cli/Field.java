package io.github.spacescopejava.cli;

import org.jspecify.annotations.Nullable;

/**
 * One property of an operation's row schema, as the spec declares it.
 *
 * @param name the JSON name, such as {@code total_qa_bytes_power}
 * @param type the JSON Schema type: string, number, integer, boolean, object or array
 * @param format the format, such as {@code date-time} or {@code int64}
 * @param pattern the pattern of a string
 * @param nullable whether {@code null} is allowed
 * @param integerString an integer sent as a JSON string ({@code x-integer-string}), such as an
 *     attoFIL amount
 * @param description the spec's description
 */
record Field(
    String name,
    String type,
    @Nullable String format,
    @Nullable String pattern,
    boolean nullable,
    boolean integerString,
    @Nullable String description) {

  /** Whether values are numbers on the wire or integers sent as strings. */
  boolean numeric() {
    return "number".equals(type) || "integer".equals(type) || integerString;
  }
}
