package io.seedfleet.validator;

import io.seedfleet.core.event.Target;
import io.seedfleet.core.sink.JdbcTarget;

/** Error text that may leave the process (events, logs): never the target's password. */
final class SafeErrors {
    private SafeErrors() {}

    static String describe(Throwable error, Target target) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        message = JdbcTarget.redact(message);
        String password = target == null ? null : target.password();
        return password == null || password.isEmpty() ? message : message.replace(password, "***");
    }
}
