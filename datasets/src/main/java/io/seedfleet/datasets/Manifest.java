package io.seedfleet.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.seedfleet.core.schema.SourceException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a dataset version is and holds. {@code identity}, {@code definitionHash} and {@code seed} are
 * null for a snapshot of a database Seedfleet did not record; {@code definitionJson} is the canonical
 * definition itself, kept so the version can be regenerated; {@code target} is the redacted URL.
 */
public record Manifest(String identity, String name, String schemaFingerprint, String definitionHash, String definitionJson,
                       String scenario, Long seed, String engineVersion, String createdAt, String target,
                       Map<String, TableEntry> tables) {

    public Manifest {
        tables = tables == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(tables));
    }

    public Manifest withName(String newName) {
        return new Manifest(identity, newName, schemaFingerprint, definitionHash, definitionJson, scenario, seed, engineVersion, createdAt, target, tables);
    }

    /** The identity's first 12 hex digits, or "snapshot". */
    public String shortId() {
        return identity == null ? "snapshot" : identity.substring(0, Math.min(12, identity.length()));
    }

    public long totalRows() {
        return tables.values().stream().mapToLong(TableEntry::rows).sum();
    }

    public String toJson() {
        return Json.pretty(this);
    }

    public static Manifest fromJson(String json, String source) {
        try {
            return Json.MAPPER.readValue(json, Manifest.class);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new SourceException(source, Math.max(0, line), "manifest", e.getOriginalMessage());
        }
    }
}
