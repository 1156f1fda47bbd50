package io.seedfleet.datasets;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A dataset's name for what it is: a SHA-256 over the inputs that decide its bytes (schema fingerprint,
 * canonical definition, seed, engine version). Equal identities promise equal data.
 */
public final class DatasetIdentity {
    private DatasetIdentity() {}

    public static String of(String schemaFingerprint, String definitionJson, long seed, String engineVersion) {
        if (schemaFingerprint == null || engineVersion == null) throw new IllegalArgumentException("a schema fingerprint and an engine version are required");
        // A JSON object, not a concatenation, so no two different inputs can spell the same text.
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("definition", Json.canonical(definitionJson, "definition"));
        inputs.put("engine", engineVersion);
        inputs.put("schema", schemaFingerprint);
        inputs.put("seed", seed);
        return Sha256.hex(Json.compact(inputs));
    }

    /** The SHA-256 of the canonical definition, or null when there is none. */
    public static String definitionHash(String definitionJson) {
        String canonical = Json.canonical(definitionJson, "definition");
        return canonical == null ? null : Sha256.hex(canonical);
    }
}
