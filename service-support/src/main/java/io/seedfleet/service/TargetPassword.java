package io.seedfleet.service;

import io.seedfleet.core.event.Target;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Events may leave the target's password out, so that it never travels through Kafka; a service
 * then takes it from its own environment (SEEDFLEET_TARGET_PASSWORD).
 */
@ApplicationScoped
public class TargetPassword {
    private final Optional<String> password;

    TargetPassword(@ConfigProperty(name = "seedfleet.target.password") Optional<String> password) {
        this.password = password;
    }

    public Target complete(Target target) {
        return target.withPasswordIfAbsent(password.orElse(null));
    }
}
