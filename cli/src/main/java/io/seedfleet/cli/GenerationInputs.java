package io.seedfleet.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.seedfleet.core.definition.DataDefinition;
import io.seedfleet.core.event.Events;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything besides the schema and the seed that decides a generated dataset: the definition
 * (as canonical JSON, so comments and layout do not change a dataset's identity), the scenario and
 * the volumes and mix given on the command line (null where an option was not given: the definition's
 * or the built-in default applies). Recorded in a version's manifest, so that the version can be
 * recreated from it.
 */
record GenerationInputs(String definition, String scenario, Long rows, Map<String, Long> tableRows, Double fanOut,
                        Integer edgeCasesPerMille, Map<String, Integer> locales) {
    /** Map entries sorted, so the same definition always gives the same text (and the dataset the same identity). */
    private static final ObjectMapper CANONICAL = Events.JSON.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);


    GenerationInputs {
        tableRows = new TreeMap<>(tableRows == null ? Map.of() : tableRows);
        locales = new TreeMap<>(locales == null ? Map.of() : locales);
    }

    /** The definition file's one definition as canonical JSON (comments and layout dropped). */
    static String canonicalDefinition(DataDefinition definition) {
        try {
            return CANONICAL.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the definition could not be written as JSON", e);
        }
    }

    String toJson() {
        try {
            return CANONICAL.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("generation inputs could not be written as JSON", e);
        }
    }

    static GenerationInputs fromJson(String json, String version) {
        try {
            return Events.JSON.readValue(json, GenerationInputs.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("version " + version + " does not record how it was generated: " + e.getOriginalMessage(), e);
        }
    }
}
