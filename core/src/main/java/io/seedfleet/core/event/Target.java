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

    @Override
    public String toString() {
        return jdbc().toString();
    }
}
