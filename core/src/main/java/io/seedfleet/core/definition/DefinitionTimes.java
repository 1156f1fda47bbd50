package io.seedfleet.core.definition;

import io.seedfleet.core.definition.DefinitionTime.Date;
import io.seedfleet.core.definition.DefinitionTime.DateTime;
import io.seedfleet.core.definition.DefinitionTime.TimeOfDay;
import java.util.Optional;

/** Orders two definition times where that is possible without knowing the run's now. */
final class DefinitionTimes {
    private DefinitionTimes() {}

    /** Negative, zero or positive as {@code a} is before, with or after {@code b}; empty when they cannot be compared. */
    static Optional<Integer> compare(DefinitionTime a, DefinitionTime b) {
        if (a.relative() && b.relative()) return Optional.of(Long.compare(a.approximateSeconds(), b.approximateSeconds()));
        if (a instanceof Date x && b instanceof Date y) return Optional.of(x.date().compareTo(y.date()));
        if (a instanceof TimeOfDay x && b instanceof TimeOfDay y) return Optional.of(x.time().compareTo(y.time()));
        if (a instanceof DateTime x && b instanceof DateTime y) {
            if (x.offset() == null && y.offset() == null) return Optional.of(x.dateTime().compareTo(y.dateTime()));
            if (x.offset() != null && y.offset() != null) {
                return Optional.of(x.dateTime().toInstant(x.offset()).compareTo(y.dateTime().toInstant(y.offset())));
            }
        }
        return Optional.empty();
    }
}
