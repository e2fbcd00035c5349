package io.github.spacescopejava.client.constraints;

/**
 * What a range constraint found, attached to its violation as Hibernate Validator's dynamic
 * payload, so that the client reports the value and what is accepted without parsing the message
 * back. Read it with {@code violation.unwrap(HibernateConstraintViolation.class)
 * .getDynamicPayload(RangeDetail.class)}.
 *
 * @param value the offending end, as text, such as {@code 2025-01-02}
 * @param accepted what would be accepted, such as {@code an end on or before 2024-12-31}
 * @param reason why the value is refused, such as {@code end 2025-01-02 is after the latest
 *     available day 2024-12-31 (day D is published at 21:00 UTC on D+1)}
 */
public record RangeDetail(String value, String accepted, String reason) {}
