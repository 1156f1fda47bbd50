package io.seedfleet.core.validate;

import io.seedfleet.core.schema.ForeignKey;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.UniqueKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The parts of the checks' SQL that PostgreSQL and MySQL read alike (double-quoted identifiers,
 * standard predicates); each validator wraps them with its own casts to text and NULL ordering.
 */
final class CheckSql {
    private CheckSql() {}

    /** A foreign key's child columns as the orphan query names them, on the child's alias {@code c}. */
    static List<String> childColumns(ForeignKey fk) {
        return fk.columns().stream().map(c -> "c." + Identifiers.quote(c)).toList();
    }

    /**
     * The duplicate groups of a unique key: {@code k0, k1, ..., n} for each key value held by more
     * than one row (n rows), among the rows whose key columns are all non-null (NULLs compare equal
     * for NULLS NOT DISTINCT keys) and that match a partial index's predicate.
     *
     * @param from how the validator names the table in FROM
     */
    static String duplicateGroups(UniqueKey key, String from) {
        List<String> cols = key.columns().stream().map(Identifiers::quote).toList();
        List<String> conditions = new ArrayList<>();
        if (!key.nullsNotDistinct()) cols.forEach(c -> conditions.add(c + " IS NOT NULL"));
        if (key.predicate() != null) conditions.add("(" + key.predicate() + ")");
        StringBuilder inner = new StringBuilder("SELECT ");
        for (int i = 0; i < cols.size(); i++) inner.append(cols.get(i)).append(" AS k").append(i).append(", ");
        inner.append("count(*) AS n FROM ").append(from);
        if (!conditions.isEmpty()) inner.append(" WHERE ").append(String.join(" AND ", conditions));
        return inner.append(" GROUP BY ").append(String.join(", ", cols)).append(" HAVING count(*) > 1").toString();
    }

    /**
     * The condition an orphan child row (alias {@code c}) meets: every key column set and no parent
     * row (alias {@code p}); under MATCH FULL also some, but not all, key columns NULL.
     *
     * @param parentFrom how the validator names the referenced table in FROM
     */
    static String orphans(ForeignKey fk, String parentFrom) {
        List<String> child = childColumns(fk);
        List<String> joins = new ArrayList<>();
        for (int i = 0; i < child.size(); i++) joins.add("p." + Identifiers.quote(fk.referencedColumns().get(i)) + " = " + child.get(i));
        String orphan = child.stream().map(c -> c + " IS NOT NULL").collect(Collectors.joining(" AND "))
                + " AND NOT EXISTS (SELECT 1 FROM " + parentFrom + " p WHERE " + String.join(" AND ", joins) + ")";
        if (fk.match() != ForeignKey.MatchType.FULL || child.size() < 2) return orphan;
        String someNull = child.stream().map(c -> c + " IS NULL").collect(Collectors.joining(" OR "));
        String allNull = child.stream().map(c -> c + " IS NULL").collect(Collectors.joining(" AND "));
        return "(" + orphan + ") OR ((" + someNull + ") AND NOT (" + allNull + "))";
    }
}
