package io.seedfleet.masking.pii;

import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the columns that hold personal data: by name in nine languages and, given a connection, by
 * checking a sample of each table's values (read in a READ ONLY transaction, {@code LIMIT sampleRows})
 * against validators. Each finding carries its evidence (never a value) and a proposed masking rule;
 * {@link PiiRules#propose} turns them into a data definition.
 */
public final class PiiScanner {
    private PiiScanner() {}

    /** Names only: for schema files, or when the data may not be read. */
    public static List<PiiFinding> scan(SchemaModel schema) {
        ColumnClassifier classifier = new ColumnClassifier(LocalDate.now());
        List<PiiFinding> findings = new ArrayList<>();
        for (Table table : schema.tables()) {
            for (Column column : table.columns()) add(findings, classifier, table, column, null);
        }
        return findings;
    }

    /** Names and a sample of up to {@code sampleRows} rows per table. */
    public static List<PiiFinding> scan(Connection c, SchemaModel schema, int sampleRows) {
        if (sampleRows < 1) throw new IllegalArgumentException("sampleRows must be at least 1, not " + sampleRows);
        ColumnClassifier classifier = new ColumnClassifier(LocalDate.now());
        try {
            return ValueSampler.readOnly(c, () -> {
                List<PiiFinding> findings = new ArrayList<>();
                for (Table table : schema.tables()) {
                    List<Column> readable = table.columns();
                    Map<String, List<String>> samples = ValueSampler.sample(c, table, readable, sampleRows);
                    for (Column column : table.columns()) add(findings, classifier, table, column, samples.getOrDefault(column.name(), List.of()));
                }
                return findings;
            });
        } catch (SQLException e) {
            throw new IllegalStateException("PII scan failed: " + e.getMessage(), e);
        }
    }

    private static void add(List<PiiFinding> findings, ColumnClassifier classifier, Table table, Column column, List<String> sample) {
        classifier.classify(table, column, sample).ifPresent(c -> findings.add(new PiiFinding(table.name(), column.name(), c.kind(),
                c.confidence(), c.evidence(), RuleProposals.propose(c.kind(), table, column))));
    }
}
