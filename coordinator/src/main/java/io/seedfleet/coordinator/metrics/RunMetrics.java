package io.seedfleet.coordinator.metrics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.seedfleet.coordinator.run.RunState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * {@code seedfleet_runs{state}}: how many runs the coordinator's store holds in each state. Read from
 * the store, not counted in memory, so that it is right after a restart and the same whichever
 * coordinator replica is scraped. One grouped query serves every state, and its answer is kept for a
 * few seconds so that scrapes of several gauges (and several scrapers) do not each hit the database.
 */
@ApplicationScoped
public class RunMetrics {
    private static final Logger LOG = Logger.getLogger(RunMetrics.class);
    private static final long CACHE_NANOS = 5_000_000_000L;
    private static final String COUNT_BY_STATE = "SELECT \"state\", count(*) FROM \"seedfleet\".\"runs\" GROUP BY \"state\"";

    private final AgroalDataSource dataSource;
    private final MeterRegistry registry;
    private Map<RunState, Long> counts = Map.of();
    private long readAt;
    private boolean readOnce;

    RunMetrics(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    void onStart(@Observes StartupEvent event) {
        for (RunState state : RunState.values()) {
            Gauge.builder("seedfleet.runs", this, m -> m.count(state)).description("runs in the coordinator's store, by state")
                    .tag("service", "coordinator").tag("state", state.name()).register(registry);
        }
    }

    /** NaN while the store cannot be read: Prometheus shows a gap rather than a false zero. */
    synchronized double count(RunState state) {
        long now = System.nanoTime();
        if (!readOnce || now - readAt > CACHE_NANOS) {
            try {
                counts = read();
            } catch (SQLException e) {
                LOG.debugf("runs by state not readable: %s", e.getMessage());
                counts = null;
            }
            readAt = now;
            readOnce = true;
        }
        return counts == null ? Double.NaN : counts.getOrDefault(state, 0L);
    }

    private Map<RunState, Long> read() throws SQLException {
        Map<RunState, Long> byState = new EnumMap<>(RunState.class);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(COUNT_BY_STATE)) {
            while (rs.next()) {
                for (RunState state : RunState.values()) {
                    if (state.name().equals(rs.getString(1))) byState.put(state, rs.getLong(2));
                }
            }
        }
        return byState;
    }
}
