package io.seedfleet.testkit.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.seedfleet.testkit.RunningKafka;
import io.seedfleet.testkit.RunningPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * Quarkus test resource: one Kafka broker and one PostgreSQL server per JVM, shared by every test class
 * and test profile, with a database named {@value #DATABASE} for the application. They stop at JVM exit,
 * not in {@link #stop()}, so that the next test class does not pay for a restart.
 *
 * <p>Dev Services run while Quarkus builds the application, before any test resource starts, so a service
 * must still set {@code quarkus.devservices.enabled=false} in its own configuration.
 */
public class FleetTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = SharedInfrastructure.DATABASE;
    /** Init arg: {@code "false"} for services without a datasource of their own (the workers). */
    public static final String DATASOURCE = "datasource";

    private boolean datasource = true;

    @Override
    public void init(Map<String, String> initArgs) {
        datasource = !"false".equals(initArgs.get(DATASOURCE));
    }

    @Override
    public Map<String, String> start() {
        if (!datasource) return Map.of("kafka.bootstrap.servers", kafka().bootstrapServers());
        RunningPostgres postgres = postgres();
        return Map.of(
                "kafka.bootstrap.servers", kafka().bootstrapServers(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        // Shared by the test classes that follow; the servers stop themselves at JVM exit.
    }

    /** The broker the application talks to, for producing and consuming in tests. Closing it does nothing. */
    public static RunningKafka kafka() {
        return new SharedKafka(connection().get(SharedInfrastructure.KAFKA));
    }

    /** The server that holds the application's database, for creating more databases. Closing it does nothing. */
    public static RunningPostgres postgres() {
        return new SharedPostgres(Integer.parseInt(connection().get(SharedInfrastructure.POSTGRES_PORT)));
    }

    /**
     * Quarkus loads this class again for each test profile, each time in a fresh class loader that it
     * closes afterwards. The servers therefore live in the system class loader when it has this module:
     * started once per JVM, and still able to load the classes their shutdown hooks need.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, String> connection() {
        Class<?> shared;
        try {
            shared = Class.forName(SharedInfrastructure.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException notOnSystemClassPath) {
            return SharedInfrastructure.connection();
        }
        try {
            Method connection = shared.getDeclaredMethod("connection");
            connection.setAccessible(true);
            return (Map<String, String>) connection.invoke(null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Could not start the shared Kafka and PostgreSQL", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private record SharedKafka(String bootstrapServers) implements RunningKafka {
        @Override
        public void close() {
            // Shared: it stops at JVM exit.
        }
    }

    private record SharedPostgres(int port) implements RunningPostgres {
        @Override
        public void close() {
            // Shared: it stops at JVM exit.
        }
    }
}
