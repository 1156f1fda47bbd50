package io.seedfleet.core.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Reads a live database's schema with the introspector for its kind, told apart by the connection's metadata. */
public final class Introspection {
    private Introspection() {}

    /**
     * PostgreSQL goes to {@link PostgresIntrospector}, MySQL and MariaDB to {@link MysqlIntrospector};
     * for MySQL, {@code options.schemas()} lists databases (empty: the connection's current one).
     *
     * @throws IntrospectionException when the connection's metadata cannot be read or the database is of another kind
     */
    public static SchemaModel read(Connection c, IntrospectionOptions o) {
        String product;
        String version;
        try {
            product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            version = c.getMetaData().getDatabaseProductVersion().toLowerCase(Locale.ROOT);
        } catch (SQLException e) {
            throw new IntrospectionException("could not tell what database this is: " + e.getMessage(), e);
        }
        if (product.contains("postgres")) return PostgresIntrospector.introspect(c, o);
        if (product.contains("mysql") || product.contains("mariadb") || version.contains("mariadb")) return MysqlIntrospector.introspect(c, o);
        throw new IntrospectionException("cannot read the schema of a " + product + " database: only PostgreSQL, MySQL and MariaDB are supported", null);
    }
}
