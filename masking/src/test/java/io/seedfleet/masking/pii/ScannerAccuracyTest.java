package io.seedfleet.masking.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.seedfleet.core.schema.Identifiers;
import io.seedfleet.core.schema.IntrospectionOptions;
import io.seedfleet.core.schema.PostgresIntrospector;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.testkit.RunningPostgres;
import io.seedfleet.testkit.SharedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The scanner against the labelled corpus (198 columns in 9 languages, half of them tricky
 * negatives), loaded into a real PostgreSQL: a finding counts as right only with the exact kind.
 */
class ScannerAccuracyTest {

    @Test
    void precisionAndRecallOnTheLabelledCorpus() throws Exception {
        Corpus corpus = Corpus.load();
        assertThat(corpus.size()).isGreaterThanOrEqualTo(150);
        RunningPostgres pg = SharedPostgres.get();
        String url = pg.createDatabase("pii_corpus_" + System.nanoTime());
        try (Connection c = DriverManager.getConnection(url, pg.user(), pg.password())) {
            load(c, corpus);
            SchemaModel schema = PostgresIntrospector.introspect(c, IntrospectionOptions.only("public"));
            List<PiiFinding> findings = PiiScanner.scan(c, schema, 30);

            Map<String, PiiKind> found = new HashMap<>();
            findings.forEach(f -> found.put(f.table().name() + "." + f.column(), f.kind()));
            int truePositives = 0, falsePositives = 0, falseNegatives = 0;
            StringBuilder mistakes = new StringBuilder();
            for (List<Corpus.Entry> table : corpus.tables().values()) {
                for (Corpus.Entry e : table) {
                    PiiKind predicted = found.get(e.table() + "." + e.column());
                    String label = e.label();
                    if (predicted == null && label.equals("NONE")) continue;
                    if (predicted != null && predicted.name().equals(label)) truePositives++;
                    else {
                        if (predicted != null) falsePositives++;
                        if (!label.equals("NONE")) falseNegatives++;
                        mistakes.append("  ").append(e.table()).append('.').append(e.column()).append(": labelled ").append(label)
                                .append(", found ").append(predicted == null ? "NONE" : predicted).append('\n');
                    }
                }
            }
            double precision = (double) truePositives / (truePositives + falsePositives);
            double recall = (double) truePositives / (truePositives + falseNegatives);
            System.out.printf("PII scanner on %d columns: precision %.3f, recall %.3f (tp %d, fp %d, fn %d)%n%s",
                    corpus.size(), precision, recall, truePositives, falsePositives, falseNegatives, mistakes);
            assertThat(precision).isGreaterThanOrEqualTo(0.9);
            assertThat(recall).isGreaterThanOrEqualTo(0.9);
            // Evidence names checks and counts, never a sampled value.
            Map<String, List<String>> values = corpus.tables().values().stream().flatMap(List::stream)
                    .collect(Collectors.toMap(e -> e.table() + "." + e.column(), Corpus.Entry::values));
            for (PiiFinding f : findings) {
                for (String v : values.get(f.table().name() + "." + f.column())) {
                    if (v.length() >= 4) assertThat(String.join(" ", f.evidence())).doesNotContain(v);
                }
            }
        }
    }

    private static void load(Connection c, Corpus corpus) throws Exception {
        try (Statement s = c.createStatement()) {
            for (Map.Entry<String, List<Corpus.Entry>> table : corpus.tables().entrySet()) {
                String columns = table.getValue().stream().map(e -> Identifiers.quote(e.column()) + " " + e.type()).collect(Collectors.joining(", "));
                s.execute("CREATE TABLE " + Identifiers.quote(table.getKey()) + " (" + columns + ")");
            }
        }
        for (Map.Entry<String, List<Corpus.Entry>> table : corpus.tables().entrySet()) {
            List<Corpus.Entry> entries = table.getValue();
            String names = entries.stream().map(e -> Identifiers.quote(e.column())).collect(Collectors.joining(", "));
            String params = entries.stream().map(e -> "CAST(? AS " + e.type() + ")").collect(Collectors.joining(", "));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + Identifiers.quote(table.getKey()) + " (" + names + ") VALUES (" + params + ")")) {
                int rows = entries.get(0).values().size();
                for (int r = 0; r < rows; r++) {
                    for (int i = 0; i < entries.size(); i++) ps.setString(i + 1, entries.get(i).values().get(r));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
