package io.seedfleet.core.schema;

import java.util.Comparator;

/** A schema-qualified object name, kept unquoted; {@link #sql()} quotes it for use in statements. */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {

    private static final Comparator<QualifiedName> ORDER =
            Comparator.comparing(QualifiedName::schema).thenComparing(QualifiedName::name);

    public QualifiedName {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("name is empty");
        schema = schema == null ? "public" : schema;
    }

    /** Parses {@code name} or {@code schema.name}; quoting is not interpreted. */
    public static QualifiedName parse(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? new QualifiedName("public", text) : new QualifiedName(text.substring(0, dot), text.substring(dot + 1));
    }

    public String sql() {
        return Identifiers.quote(schema) + "." + Identifiers.quote(name);
    }

    @Override
    public int compareTo(QualifiedName other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
