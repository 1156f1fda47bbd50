package io.seedfleet.masking.proof;

import io.seedfleet.core.event.ValidationCompleted.CheckResult;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.QualifiedName;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import io.seedfleet.core.schema.TypeKind;
import io.seedfleet.core.sink.JdbcTarget;
import io.seedfleet.core.validate.PostgresValidator;
import io.seedfleet.masking.run.ColumnMaskers.ColumnRef;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Proves that no value of the source's personal-data columns reached the target: every value of those
 * columns is hashed into memory (exactly, and normalised: lower case, only letters and digits), then
 * every text-like column of the target is streamed and each value looked up. Reports counts per
 * (source column, target column), never the values. Values whose normalised form is shorter than
 * {@value #MIN_LENGTH} characters are not compared: "M" or "US" matches by chance, not by leaking.
 */
public final class LeakCheck {
    public static final String CHECK_NAME = "leak";
    public static final int MIN_LENGTH = 4;
    private static final Set<TypeKind> TEXT_LIKE = Set.of(TypeKind.TEXT, TypeKind.VARCHAR, TypeKind.CHAR, TypeKind.JSON,
            TypeKind.JSONB, TypeKind.XML, TypeKind.ARRAY, TypeKind.OTHER);

    /** Target values of {@code target} equal to a value of {@code source}: exactly, or only once normalised. */
    public record Leak(ColumnRef source, ColumnRef target, long exact, long normalised) {
        public long total() {
            return exact + normalised;
        }
    }

    /**
     * Every leak found, and how many target values were looked up. {@code carried}: matches in a column
     * the run copied as it is (unmasked, not personal data) whose value that same column already held in
     * the source, such as a label colour "Brown" that is also somebody's surname; reported, not leaks.
     */
    public record Result(List<Leak> leaks, long valuesChecked, List<Leak> carried) {
        public Result {
            leaks = List.copyOf(leaks);
            carried = List.copyOf(carried);
        }

        public Result(List<Leak> leaks, long valuesChecked) {
            this(leaks, valuesChecked, List.of());
        }

        public long total() {
            return leaks.stream().mapToLong(Leak::total).sum();
        }

        public long carriedTotal() {
            return carried.stream().mapToLong(Leak::total).sum();
        }
    }

    /**
     * The hashed values of the source's personal-data columns; holds no value itself. Read-only once
     * built, so many masking threads may ask {@link #matches} at once.
     */
    public static final class Fingerprints {
        private final Map<ColumnRef, Set<Long>> exact = new LinkedHashMap<>();
        private final Map<ColumnRef, Set<Long>> normalised = new LinkedHashMap<>();
        /** The normalised hashes of all columns together: what a masker must not produce. */
        private final Set<Long> anyNormalised = new HashSet<>();

        public int columns() {
            return exact.size();
        }

        /**
         * Whether the check would count {@code value} as a leak of one of these columns (its normalised
         * form is a source value's). Substitution maskers re-draw such values; see {@code ColumnMasker.avoiding}.
         */
        public boolean matches(String value) {
            if (value == null) return false;
            String n = normalise(value);
            return n.length() >= MIN_LENGTH && anyNormalised.contains(hash(n));
        }
    }

    private LeakCheck() {}

    /** Strictly: any value of {@code piiColumns} anywhere in the target is a leak. */
    public static Result run(JdbcTarget source, JdbcTarget target, List<ColumnRef> piiColumns) throws SQLException {
        return run(source, target, piiColumns, Set.of());
    }

    /**
     * As {@link #run(JdbcTarget, JdbcTarget, List)}, except that a match in one of {@code copiedAsIs}
     * (columns the run did not mask; those also in {@code piiColumns} are never excused) is only
     * {@linkplain Result#carried carried} when the source held that value in that same column: the copy
     * did not move it there. A value planted or moved into such a column is still a leak.
     */
    public static Result run(JdbcTarget source, JdbcTarget target, List<ColumnRef> piiColumns, Set<ColumnRef> copiedAsIs) throws SQLException {
        Fingerprints fingerprints;
        try (Connection c = source.open()) {
            fingerprints = fingerprint(c, piiColumns);
        }
        try (Connection c = target.open()) {
            SchemaModel model = PostgresIntrospector.introspect(c, IntrospectionOptions.all());
            c.setAutoCommit(false);
            try {
                Result strict = scan(c, model, fingerprints);
                // Only the copied columns that matched need their own source values: usually none or a few.
                List<ColumnRef> suspects = strict.leaks().stream().map(Leak::target)
                        .filter(t -> copiedAsIs.contains(t) && !piiColumns.contains(t)).distinct().toList();
                if (suspects.isEmpty()) return strict;
                Fingerprints own;
                try (Connection s = source.open()) {
                    own = fingerprint(s, suspects);
                }
                return scan(c, model, fingerprints, own);
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * Reads and hashes the distinct values of each column: in its own read-only transaction when
     * autocommit is on, otherwise in the caller's (a masking run passes its snapshot's coordinator).
     */
    public static Fingerprints fingerprint(Connection source, List<ColumnRef> piiColumns) throws SQLException {
        Fingerprints f = new Fingerprints();
        boolean autoCommit = source.getAutoCommit();
        source.setAutoCommit(false);
        try (Statement s = source.createStatement()) {
            if (autoCommit) s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            s.setFetchSize(10_000);
            for (ColumnRef ref : piiColumns) {
                Set<Long> exact = f.exact.computeIfAbsent(ref, k -> new HashSet<>());
                Set<Long> normalised = f.normalised.computeIfAbsent(ref, k -> new HashSet<>());
                String col = Identifiers.quote(ref.column());
                try (ResultSet rs = s.executeQuery("SELECT DISTINCT " + col + "::text FROM " + ref.table().sql() + " WHERE " + col + " IS NOT NULL")) {
                    while (rs.next()) {
                        String v = rs.getString(1);
                        String n = normalise(v);
                        if (n.length() < MIN_LENGTH) continue;
                        exact.add(hash(v));
                        long hn = hash(n);
                        normalised.add(hn);
                        f.anyNormalised.add(hn);
                    }
                }
            }
        } finally {
            if (autoCommit) {
                source.rollback();
                source.setAutoCommit(true);
            }
        }
        return f;
    }

    /** Streams every text-like column of the target; {@code target} must be inside a transaction (for the cursor). */
    public static Result scan(Connection target, SchemaModel targetModel, Fingerprints fingerprints) throws SQLException {
        return scan(target, targetModel, fingerprints, new Fingerprints());
    }

    /** As above; a match in a column of {@code own} whose value is one of that column's own source values is carried. */
    static Result scan(Connection target, SchemaModel targetModel, Fingerprints fingerprints, Fingerprints own) throws SQLException {
        List<Leak> leaks = new ArrayList<>();
        List<Leak> carried = new ArrayList<>();
        long checked = 0;
        try (Statement s = target.createStatement()) {
            s.setFetchSize(10_000);
            for (Table table : targetModel.tables()) {
                for (Column column : table.columns()) {
                    if (!TEXT_LIKE.contains(column.type().kind())) continue;
                    ColumnRef targetRef = new ColumnRef(table.name(), column.name());
                    Map<ColumnRef, long[]> counts = new LinkedHashMap<>();
                    Map<ColumnRef, long[]> carriedCounts = new LinkedHashMap<>();
                    Set<Long> ownValues = own.normalised.getOrDefault(targetRef, Set.of());
                    String col = Identifiers.quote(column.name());
                    try (ResultSet rs = s.executeQuery("SELECT " + col + "::text FROM " + table.name().sql() + " WHERE " + col + " IS NOT NULL")) {
                        while (rs.next()) {
                            checked++;
                            String v = rs.getString(1);
                            String n = normalise(v);
                            if (n.length() < MIN_LENGTH) continue;
                            long hv = hash(v);
                            long hn = hash(n);
                            Map<ColumnRef, long[]> into = ownValues.contains(hn) ? carriedCounts : counts;
                            for (Map.Entry<ColumnRef, Set<Long>> e : fingerprints.exact.entrySet()) {
                                if (e.getValue().contains(hv)) into.computeIfAbsent(e.getKey(), k -> new long[2])[0]++;
                                else if (fingerprints.normalised.get(e.getKey()).contains(hn)) into.computeIfAbsent(e.getKey(), k -> new long[2])[1]++;
                            }
                        }
                    }
                    counts.forEach((sourceRef, c) -> leaks.add(new Leak(sourceRef, targetRef, c[0], c[1])));
                    carriedCounts.forEach((sourceRef, c) -> carried.add(new Leak(sourceRef, targetRef, c[0], c[1])));
                }
            }
        }
        return new Result(leaks, checked, carried);
    }

    /**
     * The leak check as validator checks: one per personal-data column, passing when none of its values
     * is in the target; the examples name the target columns it leaked into, with counts, never values.
     */
    public static PostgresValidator.ExtraChecks asValidatorCheck(Fingerprints fingerprints) {
        return (connection, schema) -> {
            Result result = scan(connection, schema, fingerprints);
            List<CheckResult> out = new ArrayList<>();
            for (ColumnRef source : fingerprints.exact.keySet()) {
                List<Leak> mine = result.leaks().stream().filter(l -> l.source().equals(source)).toList();
                long total = mine.stream().mapToLong(Leak::total).sum();
                List<String> examples = mine.stream().limit(PostgresValidator.MAX_EXAMPLES)
                        .map(l -> l.target() + ": " + l.exact() + " exact, " + l.normalised() + " normalised").toList();
                out.add(new CheckResult(CHECK_NAME, source.table().toString(), source.column(), total == 0, total, examples));
            }
            return out;
        };
    }

    /** Lower case, letters and digits only: "John.Doe@Example.com " and "johndoe@example.com" meet. */
    static String normalise(String value) {
        StringBuilder b = new StringBuilder(value.length());
        value.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: a collision would only report a leak that is not one. */
    static long hash(String value) {
        long h = 0xcbf29ce484222325L;
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Parses {@code schema.table.column}. */
    public static ColumnRef column(String text) {
        int dot = text.lastIndexOf('.');
        if (dot <= 0) throw new IllegalArgumentException("a column is schema.table.column, not " + text);
        return new ColumnRef(QualifiedName.parse(text.substring(0, dot)), text.substring(dot + 1));
    }
}
