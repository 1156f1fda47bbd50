package io.seedfleet.core.definition;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A point in time as a definition writes it ({@code range.from}/{@code range.to}): {@code now}, an
 * offset from the run's now ({@code -30d}, {@code +2h}, {@code -1y}: s, m for minutes, h, d, w, M or mo
 * for months, y), or an ISO date, date-time (with or without offset) or time of day.
 */
public sealed interface DefinitionTime {

    /** The run's now. */
    record Now() implements DefinitionTime {}

    /** {@code amount} units from the run's now (negative: in the past); unit is one of s m h d w M y (M: months). */
    record Offset(long amount, char unit) implements DefinitionTime {}

    record Date(LocalDate date) implements DefinitionTime {}

    /** A date and time; {@code offset} is null when the text gave none (the run's time zone applies). */
    record DateTime(LocalDateTime dateTime, java.time.ZoneOffset offset) implements DefinitionTime {}

    record TimeOfDay(LocalTime time) implements DefinitionTime {}

    Pattern OFFSET = Pattern.compile("([+-]?)([0-9]{1,9})(mo|[smhdwMy])");

    /** The accepted spellings (definition.schema.json's pattern for from/to); the parse then checks the calendar. */
    Pattern SHAPE = Pattern.compile("now|[+-]?[0-9]+(mo|[smhdwMy])"
            + "|[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?"
            + "|[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?");

    /** The time {@code text} means, or empty when it is none of the accepted forms. */
    static Optional<DefinitionTime> parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) return Optional.empty();
        String t = text;
        if (t.equals("now")) return Optional.of(new Now());
        Matcher m = OFFSET.matcher(t);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(2));
            char unit = m.group(3).equals("mo") ? 'M' : m.group(3).charAt(0);
            return Optional.of(new Offset(m.group(1).equals("-") ? -amount : amount, unit));
        }
        String iso = t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + "T" + t.substring(11) : t;
        try {
            if (iso.length() == 10) return Optional.of(new Date(LocalDate.parse(iso)));
            if (iso.length() > 10) {
                if (iso.endsWith("Z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10) {
                    OffsetDateTime odt = OffsetDateTime.parse(iso.replaceFirst("([+-][0-9]{2})([0-9]{2})$", "$1:$2")
                            .replaceFirst("([+-][0-9]{2})$", "$1:00"));
                    return Optional.of(new DateTime(odt.toLocalDateTime(), odt.getOffset()));
                }
                return Optional.of(new DateTime(LocalDateTime.parse(iso), null));
            }
            return Optional.of(new TimeOfDay(LocalTime.parse(iso)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whether this is relative to the run's now (so comparable with other relative times, not with absolute ones). */
    default boolean relative() {
        return this instanceof Now || this instanceof Offset;
    }

    /** Seconds from now for a relative time, a month counted as 30 days and a year as 365: enough to order two of them. */
    default long approximateSeconds() {
        if (this instanceof Offset o) {
            long unit = switch (o.unit()) {
                case 's' -> 1;
                case 'm' -> 60;
                case 'h' -> 3_600;
                case 'd' -> 86_400;
                case 'w' -> 7 * 86_400L;
                case 'M' -> 30 * 86_400L;
                default -> 365 * 86_400L;
            };
            return o.amount() * unit;
        }
        return 0;
    }
}
