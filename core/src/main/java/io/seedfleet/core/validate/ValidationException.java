package io.seedfleet.core.validate;

/** Validation could not run at all (as opposed to a check that ran and failed). */
public class ValidationException extends RuntimeException {
    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
