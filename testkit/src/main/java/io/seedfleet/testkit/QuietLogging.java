package io.seedfleet.testkit;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Kafka and the embedded PostgreSQL log hundreds of INFO lines while starting. Where SLF4J routes to
 * java.util.logging (Quarkus' JBoss LogManager, slf4j-jdk14) their categories default to WARNING here;
 * a level set by the application's own logging configuration is left alone. Other bindings (Logback,
 * Log4j) are configured by their owners.
 */
final class QuietLogging {

    private static final List<String> CATEGORIES =
            List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky.test");

    /** Strong references: java.util.logging forgets the level of a logger that was garbage collected. */
    private static final List<Logger> LOGGERS = CATEGORIES.stream().map(Logger::getLogger).toList();

    private QuietLogging() {
    }

    static void apply() {
        for (Logger logger : LOGGERS) {
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARNING);
            }
        }
    }
}
