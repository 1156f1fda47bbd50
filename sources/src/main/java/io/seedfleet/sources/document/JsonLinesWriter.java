package io.seedfleet.sources.document;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.schema.Table;
import io.seedfleet.sources.document.DocumentSchema.DocumentType;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Generated documents as JSON Lines: the engine plans and fills the projected tables (one root row
 * per document, array tables sized by {@link ArrayLayout}), and each document is nested back from
 * its rows. Same schema, count and seed: the same bytes.
 */
public final class JsonLinesWriter {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);

    private JsonLinesWriter() {}

    /**
     * Writes {@code documents} documents of every type of the schema (types in order), one per line.
     *
     * @return the number of lines written
     */
    public static long write(DocumentSchema schema, long documents, long seed, int edgeCasesPerMille, OutputStream out) {
        if (documents < 0) throw new IllegalArgumentException("the number of documents must not be negative");
        ArrayLayout layout = ArrayLayout.of(schema.types(), documents, seed);
        Map<String, Long> counts = new HashMap<>();
        for (Table t : schema.model().tables()) counts.put(t.name().toString(), layout.rows().getOrDefault(t.name(), 0L));
        GenerationPlan plan = Planner.plan(schema.model(), new RowCounts(counts, documents, 1.0), seed,
                GenerationPlan.DEFAULT_ANCHOR, edgeCasesPerMille, Map.of());
        Dataset dataset = Dataset.of(plan);
        DocumentAssembler assembler = new DocumentAssembler(new RowReader(dataset), layout, new PatternValues(seed), seed);
        long written = 0;
        try {
            JsonGenerator generator = JSON.getFactory().createGenerator(out);
            generator.setRootValueSeparator(null); // lines are separated by the newline alone
            for (DocumentType type : schema.types()) {
                for (long row = 0; row < documents; row++) {
                    JSON.writeTree(generator, assembler.document(type, row));
                    generator.writeRaw('\n');
                    written++;
                }
            }
            generator.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }
}
