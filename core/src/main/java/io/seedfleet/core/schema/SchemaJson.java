package io.seedfleet.core.schema;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The schema model as JSON: record components only (no derived accessors), so that it reads back
 * into the same model and hashes the same everywhere.
 */
public final class SchemaJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .build();

    private SchemaJson() {}

    public static String write(SchemaModel schema) {
        try {
            return MAPPER.writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the schema model could not be written as JSON", e);
        }
    }

    public static SchemaModel read(String json) {
        try {
            return MAPPER.readValue(json, SchemaModel.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a schema model: " + e.getOriginalMessage(), e);
        }
    }
}
