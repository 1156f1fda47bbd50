package io.seedfleet.sources.ddl;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import java.util.Map;

/**
 * Database names between the files' world and the scratch server's: {@code sakila.film} in a
 * statement becomes the scratch database's film, and the scratch database's tables, views,
 * triggers and references are named back {@code sakila} in the model.
 */
final class MysqlDdlFilesRenaming {
    private MysqlDdlFilesRenaming() {}

    /** The model with every schema in {@code originals} (scratch name to original name) renamed. */
    static SchemaModel rename(SchemaModel model, Map<String, String> originals) {
        return new SchemaModel(
                model.tables().stream().map(t -> table(t, originals)).toList(),
                model.views().stream().map(v -> new SchemaModel.View(name(v.name(), originals), v.materialized())).toList(),
                model.triggers().stream().map(t -> new SchemaModel.Trigger(name(t.table(), originals), t.name(), t.timing(), t.events(), t.enabled())).toList(),
                model.unsupported().stream().map(u -> new SchemaModel.Unsupported(object(u.object(), originals), u.construct(), u.detail())).toList());
    }

    private static Table table(Table t, Map<String, String> originals) {
        return new Table(name(t.name(), originals),
                t.columns().stream().map(c -> c.sequence() == null ? c : new Column(c.name(), c.type(), c.nullable(), c.defaultExpression(),
                        c.identity(), name(c.sequence(), originals), c.generated(), c.comment())).toList(),
                t.uniqueKeys(),
                t.foreignKeys().stream().map(fk -> new ForeignKey(fk.name(), fk.columns(), name(fk.referencedTable(), originals),
                        fk.referencedColumns(), fk.deferrable(), fk.initiallyDeferred(), fk.match())).toList(),
                t.checks(), t.comment(), t.partitioning());
    }

    private static QualifiedName name(QualifiedName name, Map<String, String> originals) {
        String original = originals.get(name.schema());
        return original == null ? name : new QualifiedName(original, name.name());
    }

    /** Unsupported objects are named {@code schema.table[.column]}. */
    private static String object(String object, Map<String, String> originals) {
        int dot = object.indexOf('.');
        if (dot < 0) return object;
        String original = originals.get(object.substring(0, dot));
        return original == null ? object : original + object.substring(dot);
    }

    /**
     * Rewrites {@code db.} qualifiers naming a database in {@code scratchByOriginal} to its scratch
     * database, outside strings and comments; an identifier after a dot ({@code t.sakila}) is a
     * column or table, not a database, and is left alone.
     */
    static String qualifiedReferences(String sql, Map<String, String> scratchByOriginal) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        char previous = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = skipQuoted(sql, i, c, true);
            } else if (c == '#' || c == '-' && sql.startsWith("-- ", i)) {
                end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (c == '/' && sql.startsWith("/*", i) && !sql.startsWith("/*!", i) && !sql.startsWith("/*M!", i)) {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (c == '`' || Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                end = c == '`' ? skipQuoted(sql, i, '`', false) : word(sql, i);
                String identifier = c == '`' ? sql.substring(i + 1, end - 1).replace("``", "`") : sql.substring(i, end);
                String scratch = scratchByOriginal.get(identifier);
                int next = end;
                while (next < n && Character.isWhitespace(sql.charAt(next))) next++;
                if (scratch != null && previous != '.' && next < n && sql.charAt(next) == '.') {
                    out.append(MysqlDdlFiles.quote(scratch));
                    previous = '`';
                    i = end;
                    continue;
                }
            } else {
                end = i + 1;
            }
            out.append(sql, i, end);
            if (!Character.isWhitespace(c)) previous = sql.charAt(end - 1);
            i = end;
        }
        return out.toString();
    }

    private static int word(String sql, int start) {
        int i = start;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) i++;
        return i;
    }

    private static int skipQuoted(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') i += 2;
            else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) i += 2;
            else if (c == quote) return i + 1;
            else i++;
        }
        return sql.length();
    }
}
