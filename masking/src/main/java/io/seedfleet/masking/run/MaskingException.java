package io.seedfleet.masking.run;

/** A masking run that cannot start or did not finish; the message says why, never with data values. */
public final class MaskingException extends RuntimeException {
    public MaskingException(String message) {
        super(message);
    }

    public MaskingException(String message, Throwable cause) {
        super(message, cause);
    }
}
