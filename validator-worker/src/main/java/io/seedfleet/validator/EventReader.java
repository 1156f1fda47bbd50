package io.seedfleet.validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.Events;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads one incoming event type: a CloudEvent of that type whose data satisfies the published JSON
 * Schema. Anything else is {@link Malformed}, with the reason that goes to the dead-letter topic.
 */
final class EventReader<T> {
    private final EventType type;
    private final Class<T> payload;
    private final JsonSchema schema;

    EventReader(EventType type, Class<T> payload) {
        this.type = type;
        this.payload = payload;
        try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    T read(Message<byte[]> message) {
        String ceType = message.getMetadata(IncomingCloudEventMetadata.class).map(IncomingCloudEventMetadata::getType).orElse(null);
        if (!type.type().equals(ceType)) {
            throw new Malformed("expected a CloudEvent of type " + type.type() + ", got " + (ceType == null ? "no CloudEvent" : ceType));
        }
        if (message.getPayload() == null) throw new Malformed("the event has no data");
        try {
            JsonNode json = Events.JSON.readTree(message.getPayload());
            Set<ValidationMessage> errors = schema.validate(json);
            if (!errors.isEmpty()) {
                throw new Malformed("does not match " + type.schemaResource() + ": "
                        + errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
            }
            return Events.JSON.treeToValue(json, payload);
        } catch (JsonProcessingException e) {
            throw new Malformed("not a valid " + payload.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An event this service can never process, however often it is delivered. */
    static final class Malformed extends IllegalArgumentException {
        Malformed(String reason) {
            super(reason);
        }
    }
}
