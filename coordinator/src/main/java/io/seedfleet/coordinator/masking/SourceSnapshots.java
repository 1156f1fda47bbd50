package io.seedfleet.coordinator.masking;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The source transactions of running masking runs, each kept open (REPEATABLE READ, READ ONLY, having
 * exported its snapshot) from planning until the run ends, because PostgreSQL lets other transactions
 * import a snapshot only while the exporting one is open. Closed when the run ends either way, and
 * all of them when the coordinator stops.
 */
@ApplicationScoped
public class SourceSnapshots {
    private static final Logger LOG = Logger.getLogger(SourceSnapshots.class);

    private final Map<String, ActiveMasking> runs = new ConcurrentHashMap<>();

    void hold(ActiveMasking run) {
        runs.put(run.runId(), run);
    }

    Optional<ActiveMasking> get(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    /** Ends the run's source transaction (it only read) and forgets the run. */
    void release(String runId) {
        ActiveMasking run = runs.remove(runId);
        if (run != null) close(run.snapshotHolder());
    }

    static void close(Connection c) {
        try {
            if (!c.isClosed()) {
                if (!c.getAutoCommit()) c.rollback();
                c.close();
            }
        } catch (SQLException e) {
            LOG.debugf("closing a source snapshot's connection: %s", e.getMessage());
        }
    }

    @PreDestroy
    public void closeAll() {
        runs.keySet().forEach(this::release);
    }
}
