package io.seedfleet.core.sink;

import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.QualifiedName;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The definitions of what {@link MysqlSink} sets aside, read from the server so they can be put
 * back exactly: a foreign key as the clause {@code ADD CONSTRAINT} takes (its referential actions
 * included), a trigger as the server's own CREATE TRIGGER statement with the sql_mode it was made in.
 */
final class MysqlDefinitions {
    /** A trigger and where it goes back: {@code position} is its firing order among the table's triggers. */
    record TriggerDefinition(QualifiedName table, String name, int position, String sqlMode, String statement) {}

    private MysqlDefinitions() {}

    /** {@code FOREIGN KEY ("a", "b") REFERENCES "s"."t" ("x", "y") ON DELETE ... ON UPDATE ...}, in ANSI quotes. */
    static String foreignKey(Connection c, QualifiedName table, String name) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> referenced = new ArrayList<>();
        QualifiedName parent = null;
        String onDelete = null;
        String onUpdate = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA, k.REFERENCED_TABLE_NAME,"
                + " k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE FROM information_schema.KEY_COLUMN_USAGE k"
                + " JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA"
                + " AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
                + " WHERE k.TABLE_SCHEMA = ? AND k.TABLE_NAME = ? AND k.CONSTRAINT_NAME = ? ORDER BY k.ORDINAL_POSITION")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            ps.setString(3, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                    parent = new QualifiedName(rs.getString(2), rs.getString(3));
                    referenced.add(rs.getString(4));
                    onDelete = rs.getString(5);
                    onUpdate = rs.getString(6);
                }
            }
        }
        if (parent == null) throw new SQLException("foreign key " + name + " not found on " + table);
        return "FOREIGN KEY (" + Identifiers.quoteAll(columns) + ") REFERENCES " + parent.sql() + " (" + Identifiers.quoteAll(referenced)
                + ") ON DELETE " + onDelete + " ON UPDATE " + onUpdate;
    }

    static boolean foreignKeyExists(Connection c, QualifiedName table, String name) throws SQLException {
        return exists(c, "SELECT 1 FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ?"
                + " AND CONSTRAINT_NAME = ?", table.schema(), table.name(), name);
    }

    static boolean triggerExists(Connection c, String schema, String name) throws SQLException {
        return exists(c, "SELECT 1 FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ? AND TRIGGER_NAME = ?", schema, name);
    }

    /** The triggers on the tables the plan fills, each with the statement that re-creates it. */
    static List<TriggerDefinition> triggers(Connection c, GenerationPlan plan) throws SQLException {
        List<TriggerDefinition> triggers = new ArrayList<>();
        for (QualifiedName table : plan.tablesInLoadOrder()) {
            if (plan.rows(table) == 0) continue;
            List<String[]> found = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT TRIGGER_NAME, ACTION_ORDER FROM information_schema.TRIGGERS"
                    + " WHERE EVENT_OBJECT_SCHEMA = ? AND EVENT_OBJECT_TABLE = ? ORDER BY ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER")) {
                ps.setString(1, table.schema());
                ps.setString(2, table.name());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) found.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] trigger : found) {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("SHOW CREATE TRIGGER " + Identifiers.quote(table.schema()) + "." + Identifiers.quote(trigger[0]))) {
                    if (!rs.next()) throw new SQLException("trigger " + trigger[0] + " vanished from " + table);
                    triggers.add(new TriggerDefinition(table, trigger[0], Integer.parseInt(trigger[1]), rs.getString("sql_mode"),
                            rs.getString("SQL Original Statement")));
                }
            }
        }
        return triggers;
    }

    /** Runs a trigger's own CREATE statement in its database and sql_mode (its table name is unqualified). */
    static void createTrigger(Connection c, String schema, String sqlMode, String statement) throws SQLException {
        String catalog = c.getCatalog();
        c.setCatalog(schema);
        try (Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = " + Identifiers.literal(sqlMode));
            s.execute(statement);
        } finally {
            if (catalog != null) c.setCatalog(catalog);
        }
    }

    private static boolean exists(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) ps.setString(i + 1, parameters[i]);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
