package io.seedfleet.coordinator.store;

import java.sql.SQLException;

/** The coordinator's own database failed; unchecked so that it rolls the transaction back and nacks the event. */
public class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
