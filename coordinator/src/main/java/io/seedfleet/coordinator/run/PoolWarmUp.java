package io.seedfleet.coordinator.run;

import io.quarkus.runtime.StartupEvent;
import io.seedfleet.core.generate.Pools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Builds the realistic-value pools at start-up, as the generator workers do: planning checks that
 * every column can be generated, which builds them, and the first request should not wait seconds for it.
 */
@ApplicationScoped
class PoolWarmUp {
    void onStart(@Observes StartupEvent event) {
        Pools.warmUp();
    }
}
