package io.seedfleet.masking.pii;

import io.seedfleet.core.definition.DataDefinition;
import io.seedfleet.core.schema.QualifiedName;
import java.util.List;

/**
 * A column that holds personal data: its kind, how sure the scanner is (0..1), why (which name
 * dictionary matched in which language, what share of sampled values passed which validator: never
 * the values themselves) and the masking rule it proposes.
 */
public record PiiFinding(QualifiedName table, String column, PiiKind kind, double confidence, List<String> evidence,
                         DataDefinition.MaskRule proposed) {
    public PiiFinding {
        evidence = List.copyOf(evidence);
    }
}
