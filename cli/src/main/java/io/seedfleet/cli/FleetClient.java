package io.seedfleet.cli;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.GenerationRequested;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to a fleet the way any QE service would: a generation request as a CloudEvent on Kafka,
 * and the completion and validation events read back, matched by run id.
 */
public final class FleetClient implements AutoCloseable {
    private final KafkaProducer<String, CloudEvent> producer;
    private final KafkaConsumer<String, CloudEvent> consumer;

    public FleetClient(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
        producer = new KafkaProducer<>(p);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "seedfleet-cli-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class);
        consumer = new KafkaConsumer<>(c);
        consumer.subscribe(List.of(EventType.GENERATION_COMPLETED.topic(), EventType.GENERATION_FAILED.topic(),
                EventType.VALIDATION_COMPLETED.topic()));
    }

    public void request(GenerationRequested request) throws Exception {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create(EventType.SOURCE + "cli"))
                .withType(EventType.GENERATION_REQUESTED.type())
                .withSubject(request.runId())
                .withTime(Instant.now().atOffset(java.time.ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(Events.toJson(request))
                .build();
        producer.send(new ProducerRecord<>(EventType.GENERATION_REQUESTED.topic(), request.runId(), event)).get(30, TimeUnit.SECONDS);
    }

    /** The next event of the given types for this run, or empty when the deadline passes. */
    public Optional<Received> await(String runId, Duration timeout, Runnable whileWaiting, EventType... types) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, CloudEvent> r : consumer.poll(Duration.ofMillis(500))) {
                CloudEvent e = r.value();
                if (e == null || !runId.equals(r.key())) continue;
                for (EventType t : types) {
                    if (t.type().equals(e.getType()) && e.getData() != null) {
                        return Optional.of(new Received(t, Events.fromJson(e.getData().toBytes(), t.payload())));
                    }
                }
            }
            whileWaiting.run();
        }
        return Optional.empty();
    }

    public record Received(EventType type, Object payload) {}

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }

    static Map<String, Object> json(byte[] body) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = Events.JSON.readValue(body, Map.class);
            return m;
        } catch (Exception e) {
            return Map.of();
        }
    }
}
