package io.seedfleet.coordinator.messaging;

import io.seedfleet.coordinator.run.RunService;
import io.seedfleet.core.event.ChunkCompleted;
import io.seedfleet.core.event.ChunkFailed;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.MaskingWork;
import io.seedfleet.coordinator.masking.MaskingRunService;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What workers report back. Values are parsed here with the shared, strict event mapper, so a
 * malformed record is nacked into the dead-letter topic instead of stopping the consumer.
 */
@ApplicationScoped
public class ChunkEventConsumer {
    private final RunService runs;
    private final MaskingRunService masking;

    ChunkEventConsumer(RunService runs, MaskingRunService masking) {
        this.runs = runs;
        this.masking = masking;
    }

    /** Generation and masking workers report on the same topics; phase MASK says which run service a report is for. */
    @Incoming("chunk-completed")
    @Blocking
    public void onCompleted(byte[] value) {
        ChunkCompleted done = Events.fromJson(value, ChunkCompleted.class);
        if (MaskingWork.PHASE.equals(done.phase())) masking.chunkCompleted(done);
        else runs.chunkCompleted(done);
    }

    @Incoming("chunk-failed")
    @Blocking
    public void onFailed(byte[] value) {
        ChunkFailed failure = Events.fromJson(value, ChunkFailed.class);
        if (MaskingWork.PHASE.equals(failure.phase())) masking.chunkFailed(failure);
        else runs.chunkFailed(failure);
    }
}
