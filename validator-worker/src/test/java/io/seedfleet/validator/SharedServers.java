package io.seedfleet.validator;

import io.seedfleet.testkit.quarkus.FleetTestResource;
import java.sql.SQLException;
import java.util.Map;

/**
 * {@link FleetTestResource}, started with the system class loader as the thread's context loader.
 * The shared servers live in that loader, but Quarkus calls test resources with its own as context,
 * and the Kafka broker loads some classes through the context loader (DefaultStatePersister): it then
 * fails with a NoSuchMethodException across the two loaders.
 *
 * <p>DriverManager hands a caller only drivers that its class loader sees, and it discovers drivers
 * once, through the context loader of its first user: with the swap below, the system loader. So the
 * application's PgJDBC is registered here, or the first connection from test code finds "no suitable
 * driver".
 *
 * <p>Remove both once the testkit does this itself. Only the broker is passed on: this service has no
 * datasource, and Quarkus would warn about the quarkus.datasource keys.
 */
public class SharedServers extends FleetTestResource {
    private static final String KAFKA = "kafka.bootstrap.servers";

    @Override
    public Map<String, String> start() {
        Thread thread = Thread.currentThread();
        ClassLoader quarkus = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            if (!org.postgresql.Driver.isRegistered()) org.postgresql.Driver.register();
            return Map.of(KAFKA, super.start().get(KAFKA));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(quarkus);
        }
    }
}
