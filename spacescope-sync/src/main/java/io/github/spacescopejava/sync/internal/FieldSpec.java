package io.github.spacescopejava.sync.internal;

import org.jspecify.annotations.Nullable;

/**
 * One property of an operation's row schema, as the spec declares it.
 *
 * @param name the JSON name, such as {@code total_qa_bytes_power}
 * @param type the JSON Schema type: string, number, integer, boolean, object or array
 * @param format the format, such as {@code date-time} or {@code int64}
 * @param integerString an integer sent as a JSON string ({@code x-integer-string})
 * @param wholeNumber a {@code number} whose values are whole ({@code x-whole-number})
 * @param typicalMagnitude {@code x-typical-magnitude}, or null
 * @param topN whether it is the rank field of a top-N list ({@code x-top-n})
 */
public record FieldSpec(
    String name,
    String type,
    @Nullable String format,
    boolean integerString,
    boolean wholeNumber,
    @Nullable Double typicalMagnitude,
    boolean topN) {}
