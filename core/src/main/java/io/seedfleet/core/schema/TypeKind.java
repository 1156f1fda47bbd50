package io.seedfleet.core.schema;

/** The families of column types the engine knows how to generate; anything else is {@link #OTHER}. */
public enum TypeKind {
    SMALLINT, INTEGER, BIGINT, NUMERIC, REAL, DOUBLE, MONEY,
    BOOLEAN,
    TEXT, VARCHAR, CHAR,
    DATE, TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ, INTERVAL,
    UUID, JSON, JSONB, INET, CIDR, MACADDR, BYTEA, TSVECTOR, XML, BIT,
    ENUM, ARRAY, OTHER;

    public boolean isInteger() {
        return this == SMALLINT || this == INTEGER || this == BIGINT;
    }

    public boolean isNumeric() {
        return isInteger() || this == NUMERIC || this == REAL || this == DOUBLE || this == MONEY;
    }

    public boolean isText() {
        return this == TEXT || this == VARCHAR || this == CHAR;
    }

    public boolean isTemporal() {
        return this == DATE || this == TIMESTAMP || this == TIMESTAMPTZ || this == TIME || this == TIMETZ;
    }
}
