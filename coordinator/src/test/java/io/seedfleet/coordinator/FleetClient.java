package io.seedfleet.coordinator;

import io.seedfleet.core.event.EventType;
import io.seedfleet.core.event.Events;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The rest of the fleet as the tests play it, with plain Kafka clients: reads what the coordinator
 * emits (keeping records no test has taken yet) and sends events as binary CloudEvents.
 */
final class FleetClient implements AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final List<ConsumerRecord<String, byte[]>> unclaimed = new ArrayList<>();

    FleetClient(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "coordinator-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(EventType.CHUNK_WORK.topic(), EventType.GENERATION_COMPLETED.topic(),
                EventType.GENERATION_FAILED.topic(), EventType.DEAD_LETTER_TOPIC, EventType.MASKING_WORK.topic(),
                EventType.MASKING_COMPLETED.topic()));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** The first record that matches, waiting for it up to {@code timeout}; it is not offered again. */
    ConsumerRecord<String, byte[]> take(Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        return poll(match, timeout).orElseThrow(() -> new AssertionError("no matching record within " + timeout));
    }

    /** A matching record if one arrives within {@code timeout}. */
    Optional<ConsumerRecord<String, byte[]>> poll(Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            for (Iterator<ConsumerRecord<String, byte[]>> it = unclaimed.iterator(); it.hasNext(); ) {
                ConsumerRecord<String, byte[]> r = it.next();
                if (match.test(r)) {
                    it.remove();
                    return Optional.of(r);
                }
            }
            consumer.poll(Duration.ofMillis(200)).forEach(unclaimed::add);
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    /** Sends {@code payload} as a binary-mode CloudEvent of {@code type}, keyed by run id as the fleet does. */
    void send(EventType type, String key, Object payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), key, Events.toJson(payload));
        record.headers()
                .add("ce_specversion", bytes("1.0"))
                .add("ce_id", bytes(UUID.randomUUID().toString()))
                .add("ce_source", bytes(EventType.SOURCE + "coordinator-test"))
                .add("ce_type", bytes(type.type()))
                .add("content-type", bytes("application/json"));
        sendAndWait(record);
    }

    void sendRaw(String topic, String key, byte[] value) {
        sendAndWait(new ProducerRecord<>(topic, key, value));
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static Predicate<ConsumerRecord<String, byte[]>> event(EventType type, String runId) {
        return r -> type.type().equals(header(r, "ce_type")) && r.key() != null
                && (r.key().equals(runId) || r.key().startsWith(runId + "/"));
    }

    private void sendAndWait(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + record.topic(), e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
        producer.close();
    }
}
