package io.seedfleet.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Kafka and the embedded PostgreSQL log hundreds of INFO lines while starting. Their categories default to
 * WARNING in java.util.logging and, when present, in JBoss LogManager (Quarkus' backend, which SLF4J writes
 * to even when it is not java.util.logging's manager); a level that the application's own logging
 * configuration set is left alone. Other SLF4J backends (Logback, Log4j) are configured by their owners.
 */
final class QuietLogging {

    private static final List<String> CATEGORIES =
            List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky.test");

    /** Strong references: java.util.logging forgets the level of a logger that was garbage collected. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private QuietLogging() {
    }

    static synchronized void apply() {
        for (String category : CATEGORIES) {
            quiet(Logger.getLogger(category));
            Logger jboss = jbossLogger(category);
            if (jboss != null) {
                quiet(jboss);
            }
        }
    }

    private static void quiet(Logger logger) {
        if (logger.getLevel() == null) {
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }

    /** Looked up by name: JBoss LogManager is on the class path only in Quarkus applications and tests. */
    private static Logger jbossLogger(String category) {
        try {
            Class<?> logContext = Class.forName("org.jboss.logmanager.LogContext", true, QuietLogging.class.getClassLoader());
            Object context = logContext.getMethod("getLogContext").invoke(null);
            return (Logger) logContext.getMethod("getLogger", String.class).invoke(context, category);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
