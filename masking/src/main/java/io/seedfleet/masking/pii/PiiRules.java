package io.seedfleet.masking.pii;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.seedfleet.core.definition.DataDefinition;
import java.util.Comparator;
import java.util.List;

/**
 * Writes scanner findings as a data definition with only {@code spec.masking}, one rule per column
 * (tables keyed {@code schema.table}), each with a comment-free {@code params} map. The result reads
 * back through {@code DefinitionReader}, to be reviewed and kept next to the tests.
 */
public final class PiiRules {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private PiiRules() {}

    public static String propose(List<PiiFinding> findings) {
        ObjectNode root = YAML.createObjectNode();
        root.put("apiVersion", DataDefinition.API_VERSION);
        root.put("kind", DataDefinition.KIND);
        ObjectNode metadata = root.putObject("metadata");
        metadata.put("name", "pii-masking");
        metadata.put("description", "Masking proposed by the PII scanner for " + findings.size() + " columns; review before use.");
        ObjectNode masking = root.putObject("spec").putObject("masking");
        findings.stream()
                .sorted(Comparator.comparing(PiiFinding::table).thenComparing(PiiFinding::column))
                .forEach(f -> {
                    ObjectNode table = masking.has(f.table().toString()) ? (ObjectNode) masking.get(f.table().toString()) : masking.putObject(f.table().toString());
                    ObjectNode rule = table.putObject(f.column());
                    rule.put("method", f.proposed().method());
                    if (!f.proposed().params().isEmpty()) rule.set("params", YAML.valueToTree(f.proposed().params()));
                });
        try {
            return YAML.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the masking definition", e);
        }
    }
}
