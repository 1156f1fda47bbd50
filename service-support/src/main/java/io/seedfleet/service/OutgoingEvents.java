package io.seedfleet.service;

import io.seedfleet.core.event.Events;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * An outgoing event: JSON from core's mapper (the published contract), keyed by run so that a run's
 * events stay in order on one partition. The CloudEvents attributes come from the channel's config.
 */
public final class OutgoingEvents {
    private OutgoingEvents() {}

    public static Message<byte[]> keyedByRun(String runId, Object event) {
        return Message.of(Events.toJson(event))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(runId).build());
    }
}
