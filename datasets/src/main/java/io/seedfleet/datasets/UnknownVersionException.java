package io.seedfleet.datasets;

/** A version id that names no stored version, or more than one. Its message is meant for the user as it is. */
public final class UnknownVersionException extends IllegalArgumentException {
    public UnknownVersionException(String message) {
        super(message);
    }
}
