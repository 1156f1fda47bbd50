package io.seedfleet.coordinator.messaging;

import io.seedfleet.coordinator.run.RunService;
import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.ChunkFailed;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.MaskingWork;
import io.seedfleet.coordinator.masking.MaskingRunService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * What workers report back, parsed here with the shared, strict event mapper. A malformed failure
 * report is nacked into the dead-letter topic instead of stopping the consumer.
 */
@ApplicationScoped
public class ChunkEventConsumer {
    private static final Logger LOG = Logger.getLogger(ChunkEventConsumer.class);

    private final RunService runs;
    private final MaskingRunService masking;

    ChunkEventConsumer(RunService runs, MaskingRunService masking) {
        this.runs = runs;
        this.masking = masking;
    }

    /**
     * Completions come in batches (mp.messaging.incoming.chunk-completed.batch). Each record is read on
     * its own: one that cannot be read is logged and skipped rather than failing the batch (its run's
     * recovery re-sends work whose completion never arrives). Generation and masking workers report on
     * the same topic; phase MASK says which run service a report is for.
     */
    @Incoming("chunk-completed")
    @Blocking
    public void onCompleted(List<byte[]> values) {
        List<ChunkCompleted> generation = new ArrayList<>(values.size());
        for (byte[] value : values) {
            ChunkCompleted done;
            try {
                done = Events.fromJson(value, ChunkCompleted.class);
            } catch (RuntimeException e) {
                LOG.warnf("Skipping an unreadable chunk-completed record: %s", e.getMessage());
                continue;
            }
            if (MaskingWork.PHASE.equals(done.phase())) masking.chunkCompleted(done);
            else generation.add(done);
        }
        if (!generation.isEmpty()) runs.chunksCompleted(generation);
    }

    @Incoming("chunk-failed")
    @Blocking
    public void onFailed(byte[] value) {
        ChunkFailed failure = Events.fromJson(value, ChunkFailed.class);
        if (MaskingWork.PHASE.equals(failure.phase())) masking.chunkFailed(failure);
        else runs.chunkFailed(failure);
    }
}
