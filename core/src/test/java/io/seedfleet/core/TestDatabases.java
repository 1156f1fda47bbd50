package io.seedfleet.core;

import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.SharedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Databases for core's tests, on the JVM's shared embedded PostgreSQL. */
public final class TestDatabases {
    private TestDatabases() {}

    /** A new database with {@code ddl} loaded. */
    public static JdbcTarget create(String name, String ddl) throws SQLException {
        RunningPostgres pg = SharedPostgres.get();
        JdbcTarget target = new JdbcTarget(pg.createDatabase(name), pg.user(), pg.password());
        try (Connection c = target.open(); Statement s = c.createStatement()) {
            s.execute(ddl);
        }
        return target;
    }

    /** A new database holding the demo's example SaaS schema. */
    public static JdbcTarget withExampleSchema(String name) throws SQLException {
        try (InputStream in = TestDatabases.class.getResourceAsStream("/demo/saas-schema.sql")) {
            return create(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SchemaModel introspect(JdbcTarget target) throws SQLException {
        try (Connection c = target.open()) {
            return PostgresIntrospector.introspect(c, IntrospectionOptions.all());
        }
    }
}
