package io.github.spacescopejava.client;

import org.jspecify.annotations.Nullable;

/**
 * One field of an operation's rows, as the spec declares it and as the generated model carries it.
 * Generated at build time from {@code spec/spacescope.yaml}.
 *
 * @param jsonName the name in the API's JSON, such as {@code total_qa_bytes_power}
 * @param javaName the property of the generated model, such as {@code totalQaBytesPower}
 * @param jsonType the schema's type: {@code string}, {@code number}, {@code integer}, {@code
 *     boolean}, {@code object} or {@code array}
 * @param format the schema's format, such as {@code date-time} or {@code int64}, or null
 * @param javaType the type of the model's property, such as {@code BigDecimal.class}
 * @param nullable whether the spec allows {@code null}
 * @param integerString whether the value is an integer sent as a JSON string ({@code
 *     x-integer-string}), such as an attoFIL amount
 * @param deprecated whether the spec marks the field deprecated
 * @param pattern the pattern a string value follows, or null
 * @param description the spec's description, or null
 */
public record RowField(
    String jsonName,
    String javaName,
    String jsonType,
    @Nullable String format,
    Class<?> javaType,
    boolean nullable,
    boolean integerString,
    boolean deprecated,
    @Nullable String pattern,
    @Nullable String description) {}
