package io.seedfleet.generator;

import io.seedfleet.core.event.Target;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Work events may leave the target's password out, so that it never travels through Kafka; the
 * service then takes it from its own environment (SEEDFLEET_TARGET_PASSWORD).
 */
@ApplicationScoped
class TargetPassword {
    private final Optional<String> password;

    TargetPassword(@ConfigProperty(name = "seedfleet.target.password") Optional<String> password) {
        this.password = password;
    }

    Target complete(Target target) {
        if (target.password() != null || password.isEmpty()) return target;
        return new Target(target.jdbcUrl(), target.username(), password.get());
    }
}
