package io.seedfleet.core.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads one event type as the contract publishes it: a CloudEvent of that type whose data satisfies
 * the type's JSON Schema. Anything else is a {@link MalformedEventException} with the reason.
 */
public final class EventReader<T> {
    private final EventType type;
    private final Class<T> payload;
    private final JsonSchema schema;

    public EventReader(EventType type, Class<T> payload) {
        this.type = type;
        this.payload = payload;
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param cloudEventType the event's {@code type} attribute, null when the record is no CloudEvent */
    public T read(String cloudEventType, byte[] data) {
        if (!type.type().equals(cloudEventType)) {
            throw new MalformedEventException("expected a CloudEvent of type " + type.type() + ", got "
                    + (cloudEventType == null ? "no CloudEvent" : cloudEventType));
        }
        if (data == null) throw new MalformedEventException("the event has no data");
        try {
            JsonNode json = Events.JSON.readTree(data);
            Set<ValidationMessage> errors = schema.validate(json);
            if (!errors.isEmpty()) {
                throw new MalformedEventException("does not match " + type.schemaResource() + ": "
                        + errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
            }
            return Events.JSON.treeToValue(json, payload);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not a valid " + payload.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
