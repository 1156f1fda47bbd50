package io.seedfleet.core.definition;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * {@link Rules} as JSON, record components only, so a run's rules can be recorded with it (in the
 * target's ledger) and every worker rebuilds exactly the plan the run was made with.
 */
public final class RulesJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .build();

    private RulesJson() {}

    /** Null for {@link Rules#NONE}, so runs without a definition record nothing. */
    public static String write(Rules rules) {
        if (rules == null || rules.equals(Rules.NONE)) return null;
        try {
            return MAPPER.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules could not be written as JSON", e);
        }
    }

    public static Rules read(String json) {
        if (json == null) return Rules.NONE;
        try {
            return MAPPER.readValue(json, Rules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not recorded rules: " + e.getOriginalMessage(), e);
        }
    }
}
