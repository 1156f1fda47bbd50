package io.seedfleet.service;

import io.seedfleet.core.event.EventReader;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

/** An incoming Kafka record read as the event contract publishes it (see {@link EventReader}). */
public final class IncomingEvents {
    private IncomingEvents() {}

    /** @throws io.seedfleet.core.event.MalformedEventException when the record is not such an event */
    public static <T> T read(EventReader<T> reader, Message<byte[]> message) {
        String type = message.getMetadata(IncomingCloudEventMetadata.class).map(IncomingCloudEventMetadata::getType).orElse(null);
        return reader.read(type, message.getPayload());
    }
}
