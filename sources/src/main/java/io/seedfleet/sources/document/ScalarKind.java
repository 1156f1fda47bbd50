package io.seedfleet.sources.document;

/** How a column's COPY text becomes a JSON (or MongoDB Extended JSON) value. */
public enum ScalarKind {
    STRING, INTEGER, NUMBER, BOOLEAN,
    /** RFC 3339 date-time from a timestamptz column. */
    DATE_TIME,
    DATE,
    /** RFC 3339 full-time (with offset) from a time column. */
    TIME,
    UUID, IPV4,
    /** An IPv6 address: the IPv4-mapped form {@code ::ffff:a.b.c.d} of an inet column's address. */
    IPV6,
    /** An enum or const label, written as the string it is (or as JSON when the Scalar says jsonLiteral). */
    LABEL,
    /** MongoDB: {@code {"$oid": ...}} from a unique uuid column. */
    OBJECT_ID,
    /** MongoDB: {@code {"$date": ...}} from a timestamptz column. */
    BSON_DATE,
    /** MongoDB int32: a plain JSON number. */
    INT32,
    /** MongoDB int64: {@code {"$numberLong": ...}}. */
    INT64,
    /** MongoDB double: a plain JSON number, {@code {"$numberDouble": ...}} for NaN and the infinities. */
    DOUBLE,
    /** MongoDB decimal128: {@code {"$numberDecimal": ...}}. */
    DECIMAL128
}
