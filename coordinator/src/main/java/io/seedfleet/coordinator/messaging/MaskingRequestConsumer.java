package io.seedfleet.coordinator.messaging;

import io.seedfleet.coordinator.masking.MaskingRunService;
import io.seedfleet.coordinator.store.StoredRun;
import io.seedfleet.core.event.Events;
import io.seedfleet.core.event.MaskingRequested;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code test-data:masking-requested}: accepts and plans the masked copy before the record is
 * acknowledged, as generation requests are. A record that is not a valid request throws, is nacked,
 * and goes to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class MaskingRequestConsumer {
    private final MaskingRunService masking;

    MaskingRequestConsumer(MaskingRunService masking) {
        this.masking = masking;
    }

    @Incoming("masking-requested")
    @Blocking
    public void onRequest(byte[] value) {
        StoredRun run = masking.accept(Events.fromJson(value, MaskingRequested.class));
        masking.plan(run.runId());
    }
}
