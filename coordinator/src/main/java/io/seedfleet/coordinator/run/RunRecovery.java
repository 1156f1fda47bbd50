package io.seedfleet.coordinator.run;

import io.quarkus.runtime.StartupEvent;
import io.seedfleet.coordinator.masking.MaskingRunService;
import io.seedfleet.coordinator.store.RunStore;
import io.seedfleet.coordinator.store.StoredRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Picks up where a stopped coordinator left off: runs still in PLANNING are planned (nothing of them
 * was sent yet) and running runs get the unfinished work of their current stage again. Runs after the
 * messaging connectors have started, so the work can be sent. Running masking runs cannot resume:
 * their source snapshot ended with the stopped process, so they fail, saying so, and their targets
 * are emptied again.
 */
@ApplicationScoped
public class RunRecovery {
    private static final Logger LOG = Logger.getLogger(RunRecovery.class);

    private final RunStore store;
    private final RunService runs;
    private final MaskingRunService masking;

    RunRecovery(RunStore store, RunService runs, MaskingRunService masking) {
        this.store = store;
        this.runs = runs;
        this.masking = masking;
    }

    void onStart(@Observes StartupEvent event) {
        recover();
    }

    public void recover() {
        store.unfinished().forEach((runId, state) -> {
            LOG.infof("Resuming run %s (%s)", runId, state);
            if (store.find(runId).map(StoredRun::isMasking).orElse(false)) {
                switch (state) {
                    case PLANNING -> masking.planLater(runId);
                    case RUNNING -> masking.failAfterRestart(runId);
                    default -> throw new IllegalStateException("not an unfinished state: " + state);
                }
                return;
            }
            switch (state) {
                case PLANNING -> runs.planLater(runId);
                case RUNNING -> runs.resume(runId);
                default -> throw new IllegalStateException("not an unfinished state: " + state);
            }
        });
    }
}
