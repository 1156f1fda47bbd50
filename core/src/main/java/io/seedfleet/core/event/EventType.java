package io.seedfleet.core.event;

import java.util.Arrays;
import java.util.Optional;

/**
 * The CloudEvents {@code type} of every Seedfleet event, its Kafka topic (topic names cannot hold
 * ':', so it becomes '.'), its payload record and the JSON Schema published for it.
 */
public enum EventType {
    GENERATION_REQUESTED("test-data:generation-requested", GenerationRequested.class),
    CHUNK_WORK("test-data:chunk-work", ChunkWork.class),
    CHUNK_COMPLETED("test-data:chunk-completed", ChunkCompleted.class),
    CHUNK_FAILED("test-data:chunk-failed", ChunkFailed.class),
    GENERATION_COMPLETED("test-data:generation-completed", GenerationCompleted.class),
    GENERATION_FAILED("test-data:generation-failed", GenerationFailed.class),
    VALIDATION_COMPLETED("test-data:validation-completed", ValidationCompleted.class),
    STATUS("test-data:status", RunStatus.class),
    MASKING_REQUESTED("test-data:masking-requested", MaskingRequested.class),
    MASKING_WORK("test-data:masking-work", MaskingWork.class),
    MASKING_COMPLETED("test-data:masking-completed", MaskingCompleted.class),
    /** The name consumers of an earlier test-data architect already subscribe to. */
    ARCHITECT_COMPLETED("test-data-architect:completed", DatasetSummary.class);

    /** Where unreadable or poisoned events go, with the reason in the record's headers. */
    public static final String DEAD_LETTER_TOPIC = "test-data.dead-letter";
    /** The CloudEvents {@code source} prefix of events Seedfleet emits. */
    public static final String SOURCE = "urn:seedfleet:";

    private final String type;
    private final Class<?> payload;

    EventType(String type, Class<?> payload) {
        this.type = type;
        this.payload = payload;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return type.replace(':', '.');
    }

    public Class<?> payload() {
        return payload;
    }

    /** The classpath location of the payload's JSON Schema. */
    public String schemaResource() {
        return "/schemas/events/" + type.substring(type.indexOf(':') + 1) + ".schema.json";
    }

    public static Optional<EventType> ofType(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
