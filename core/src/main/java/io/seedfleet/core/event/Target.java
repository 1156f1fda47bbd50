package io.seedfleet.core.event;

import io.seedfleet.core.sink.JdbcTarget;

/**
 * The database a run writes into. A password may be given inline or left out and supplied to the
 * services through their environment; it is never logged.
 */
public record Target(String jdbcUrl, String username, String password) {
    public JdbcTarget jdbc() {
        return new JdbcTarget(jdbcUrl, username, password);
    }

    /** This target with a password from elsewhere (a service's environment) when the event carried none. */
    public Target withPasswordIfAbsent(String fallback) {
        return password != null || fallback == null ? this : new Target(jdbcUrl, username, fallback);
    }

    /** An error's message as it may leave the process (events, logs): URLs redacted, never this password. */
    public String describe(Throwable error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        message = JdbcTarget.redact(message);
        return password == null || password.isEmpty() ? message : message.replace(password, "***");
    }

    @Override
    public String toString() {
        return jdbc().toString();
    }
}
