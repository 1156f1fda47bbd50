package io.seedfleet.core.validate;

import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.schema.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Validates a loaded database with the validator for its kind, told apart by the connection's metadata. */
public final class DatabaseValidator {
    private DatabaseValidator() {}

    /**
     * {@link MysqlValidator} for MySQL and MariaDB, {@link PostgresValidator} otherwise; same checks,
     * same result shape.
     *
     * @param expectedRows expected row counts keyed by {@code QualifiedName.toString()}; may be empty
     * @throws ValidationException when the connection's metadata cannot be read or the transaction cannot be set up
     */
    public static List<CheckResult> validate(Connection connection, SchemaModel schema, Map<String, Long> expectedRows) {
        return isMysql(connection) ? MysqlValidator.validate(connection, schema, expectedRows)
                : PostgresValidator.validate(connection, schema, expectedRows);
    }

    static boolean isMysql(Connection connection) {
        try {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("mysql") || product.contains("mariadb");
        } catch (SQLException e) {
            throw new ValidationException("could not tell what database this is: " + e.getMessage(), e);
        }
    }
}
