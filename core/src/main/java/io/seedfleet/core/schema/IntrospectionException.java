package io.seedfleet.core.schema;

/** Reading a database's schema failed; the cause says why (usually an {@link java.sql.SQLException}). */
public class IntrospectionException extends RuntimeException {
    public IntrospectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
