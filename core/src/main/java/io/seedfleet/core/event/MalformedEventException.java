package io.seedfleet.core.event;

/** An event that can never be processed, however often it is delivered: its reason goes to the dead-letter topic. */
public class MalformedEventException extends IllegalArgumentException {
    public MalformedEventException(String reason) {
        super(reason);
    }
}
