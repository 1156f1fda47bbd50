package io.seedfleet.testkit.quarkus;

import io.seedfleet.testkit.KafkaBroker;
import io.seedfleet.testkit.PostgresServer;
import io.seedfleet.testkit.RunningKafka;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The servers behind {@link FleetTestResource}, started on first use. Only plain JDK types cross this
 * class' boundary, because callers may live in another class loader.
 */
final class SharedInfrastructure {

    static final String DATABASE = "seedfleet";
    static final String KAFKA = "kafka.bootstrap.servers";
    static final String POSTGRES_PORT = "postgres.port";

    private static Map<String, String> connection;

    private SharedInfrastructure() {
    }

    /**
     * Bootstrap servers and PostgreSQL port. The servers stop themselves at JVM exit (a Kafka container
     * through Testcontainers' reaper).
     */
    static synchronized Map<String, String> connection() {
        if (connection == null) {
            // Side by side, so that the two start-up times overlap.
            CompletableFuture<PostgresServer> postgres = CompletableFuture.supplyAsync(PostgresServer::start);
            RunningKafka kafka = KafkaBroker.startForTests();
            PostgresServer server = postgres.join();
            server.createDatabase(DATABASE);
            connection = Map.of(KAFKA, kafka.bootstrapServers(), POSTGRES_PORT, String.valueOf(server.port()));
        }
        return connection;
    }
}
