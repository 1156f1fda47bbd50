package io.seedfleet.coordinator.messaging;

import io.seedfleet.core.event.ChunkWork;
import io.seedfleet.core.event.GenerationCompleted;
import io.seedfleet.core.event.GenerationFailed;
import io.seedfleet.core.event.MaskingCompleted;
import io.seedfleet.core.event.MaskingWork;
import io.seedfleet.core.event.RunStatus;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The coordinator's outgoing events. The CloudEvents envelope (binary mode, type and source) is set
 * per channel in application.properties. Each method returns once the broker has acknowledged every
 * record, so callers send inside their database transaction and commit only after: a crash in
 * between sends an event twice (consumers are idempotent) but never loses one.
 */
@ApplicationScoped
public class EventPublisher {
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final MutinyEmitter<ChunkWork> work;
    private final MutinyEmitter<GenerationCompleted> completed;
    private final MutinyEmitter<GenerationFailed> failed;
    private final MutinyEmitter<RunStatus> status;
    private final MutinyEmitter<MaskingWork> maskingWork;
    private final MutinyEmitter<MaskingCompleted> maskingCompleted;

    /** A whole stage is sent at once, so the work channel buffers without bound (the stage is in memory anyway). */
    EventPublisher(@Channel("chunk-work") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<ChunkWork> work,
                   @Channel("generation-completed") MutinyEmitter<GenerationCompleted> completed,
                   @Channel("generation-failed") MutinyEmitter<GenerationFailed> failed,
                   @Channel("status") MutinyEmitter<RunStatus> status,
                   @Channel("masking-work") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<MaskingWork> maskingWork,
                   @Channel("masking-completed") MutinyEmitter<MaskingCompleted> maskingCompleted) {
        this.work = work;
        this.completed = completed;
        this.failed = failed;
        this.status = status;
        this.maskingWork = maskingWork;
        this.maskingCompleted = maskingCompleted;
    }

    /** A masking stage's ranges, keyed by range (not by run) so they spread over the partitions and so the masking workers. */
    public void maskingWork(List<MaskingWork> ranges) {
        if (ranges.isEmpty()) return;
        List<Uni<Void>> sends = ranges.stream()
                .map(w -> maskingWork.sendMessage(keyed(w, w.runId() + "/" + w.table() + "/" + w.chunk())))
                .toList();
        Uni.join().all(sends).andFailFast().await().atMost(ACK_TIMEOUT);
    }

    public void maskingCompleted(MaskingCompleted event) {
        maskingCompleted.sendMessage(keyed(event, event.runId())).await().atMost(ACK_TIMEOUT);
    }

    /**
     * Keyed by chunk, not by run: the chunks of one stage then spread over the topic's partitions and
     * so over the workers of the consumer group, instead of queueing on the one partition a run id
     * hashes to. Order between chunks does not matter; the coordinator releases stages itself.
     */
    public void chunkWork(List<ChunkWork> chunks) {
        if (chunks.isEmpty()) return;
        List<Uni<Void>> sends = chunks.stream()
                .map(w -> work.sendMessage(keyed(w, w.runId() + "/" + w.table() + "/" + w.phase() + "/" + w.rowStart())))
                .toList();
        Uni.join().all(sends).andFailFast().await().atMost(ACK_TIMEOUT);
    }

    public void generationCompleted(GenerationCompleted event) {
        completed.sendMessage(keyed(event, event.runId())).await().atMost(ACK_TIMEOUT);
    }

    public void generationFailed(GenerationFailed event) {
        failed.sendMessage(keyed(event, event.runId())).await().atMost(ACK_TIMEOUT);
    }

    /** Progress for QE consumers that follow runs; one per state change and per released stage. */
    public void status(RunStatus event) {
        status.sendMessage(keyed(event, event.runId())).await().atMost(ACK_TIMEOUT);
    }

    private static <T> Message<T> keyed(T payload, String key) {
        return Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }
}
