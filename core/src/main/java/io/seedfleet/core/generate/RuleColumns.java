package io.seedfleet.core.generate;

import io.seedfleet.core.definition.DataDefinition.Anomaly;
import io.seedfleet.core.definition.DataDefinition.Choices;
import io.seedfleet.core.definition.DataDefinition.Every;
import io.seedfleet.core.definition.DataDefinition.Series;
import io.seedfleet.core.definition.DataDefinition.FieldRule;
import io.seedfleet.core.definition.DataDefinition.Range;
import io.seedfleet.core.definition.Rules.Segment;
import io.seedfleet.core.schema.Column;
import io.seedfleet.core.schema.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.datafaker.Faker;

/**
 * Turns one field rule into the column generator of its rows. Every value is a pure function of
 * (seed, table, column, segment, row), like inferred values; failures are reported as plan problems
 * through the builder.
 */
final class RuleColumns {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    /** As the definition reader accepts them: s, m (minutes), h, d, w, M or mo (months), y. */
    private static final Pattern OFFSET = Pattern.compile("([+-]?)(\\d{1,9})(mo|[smhdwMy])");

    private final TableGeneratorBuilder b;

    RuleColumns(TableGeneratorBuilder b) {
        this.b = b;
    }

    /** Whether a rule gives values (not only a null rate or locales). */
    static boolean givesValues(FieldRule r) {
        return r.generator() != null || r.template() != null || r.choices() != null || r.probability() != null || r.range() != null
                || r.sequence() != null || r.constant() != null || r.reference() != null || r.sample() != null
                || r.series() != null || r.every() != null || r.anomaly() != null;
    }

    /** The non-null values of a rule with value rules; null (with a problem reported) when it cannot be applied. */
    ColumnGenerator values(Column c, Segment s, int index) {
        FieldRule r = s.rule();
        String subject = c.name();
        long salt = b.salt(c.name() + "#rule" + index);
        TypeKind kind = c.type().kind();
        Units u = Units.of(c.type());
        if (r.sample() != null) {
            b.problem(subject, s.origin() + ": sample (" + r.sample() + ") was not resolved; call Rules.resolveSamples before planning");
            return null;
        }
        if (r.generator() != null) return generator(c, r, salt, s);
        if (r.template() != null) return template(c, r.template());
        if (r.choices() != null) return choices(c, r.choices(), salt, s);
        if (r.probability() != null) {
            if (kind != TypeKind.BOOLEAN) return refuse(c, s, "probability needs a boolean column, not " + c.type().sqlName());
            double p = r.probability();
            if (p < 0 || p > 1) return refuse(c, s, "probability must be within 0..1");
            return new LongColumn(row -> Mix.unit(Mix.at(salt, row)) < p ? 1 : 0, LongColumn.Format.BOOLEAN, 0);
        }
        if (r.range() != null) return range(c, r.range(), u, salt, s);
        if (r.sequence() != null) {
            long start = r.sequence().start() == null ? 1 : r.sequence().start();
            long step = r.sequence().step() == null ? 1 : r.sequence().step();
            long first = s.from();
            if (u != null && !u.temporal()) {
                long scale = CopyTextWriter.POW10[u.scale()];
                return new LongColumn(row -> (start + (row - first) * step) * scale, u.format(), u.scale());
            }
            if (!kind.isText()) return refuse(c, s, "sequence needs a numeric or text column, not " + c.type().sqlName());
            return new LongColumn(row -> start + (row - first) * step, LongColumn.Format.INTEGER, 0);
        }
        if (r.constant() != null) return constant(c, RenderedValue.literal(r.constant()), u);
        if (r.every() != null) return every(c, r.every(), u, s);
        if (r.series() != null) return series(c, r.series(), u, s, index);
        if (r.anomaly() != null) return anomaly(c, r.anomaly(), s);
        return null; // reference: bound by the builder, which knows the parents
    }

    private ColumnGenerator refuse(Column c, Segment s, String message) {
        b.problem(c.name(), s.origin() + ": " + message);
        return null;
    }

    // ---- generator ----------------------------------------------------------------------------

    private ColumnGenerator generator(Column c, FieldRule r, long salt, Segment s) {
        String name = r.generator().trim();
        if (name.contains("#{")) return Texts.fitted(faker(name, salt), 0, b.maxChars(c));
        Semantic semantic;
        try {
            semantic = Semantic.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException unknown) {
            return refuse(c, s, "unknown generator " + name + " (a semantic such as email, first_name, company, "
                    + "or a Datafaker expression such as #{Name.firstName})");
        }
        if (!c.type().kind().isText()) return refuse(c, s, "generator " + name + " writes text; " + c.type().sqlName() + " needs range or sequence");
        Person person = r.locales() == null || r.locales().isEmpty() ? null : new Person(salt + 1, r.locales());
        return b.semanticText(c, semantic, person);
    }

    /** A Datafaker expression, with the faker's randomness reset to the row's bits before every value. */
    private static ColumnGenerator faker(String expression, long salt) {
        ThreadLocal<Object[]> fakers = ThreadLocal.withInitial(() -> {
            Random random = new Random(0);
            return new Object[] {random, new Faker(Locale.ENGLISH, random)};
        });
        return (row, out) -> {
            Object[] f = fakers.get();
            ((Random) f[0]).setSeed(Mix.at(salt, row));
            out.text(((Faker) f[1]).expression(expression));
        };
    }

    // ---- template -----------------------------------------------------------------------------

    /** Column names a template reads ({@code {{name}}} other than index, row, seed). */
    static List<String> templateColumns(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            String n = m.group(1);
            if (!n.equals("index") && !n.equals("row") && !n.equals("seed")) names.add(n);
        }
        return names;
    }

    static boolean templateIsUnique(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) if (m.group(1).equals("index") || m.group(1).equals("row")) return true;
        return false;
    }

    private ColumnGenerator template(Column c, String template) {
        List<ColumnGenerator> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(template);
        int last = 0;
        long seed = b.seed();
        while (m.find()) {
            if (m.start() > last) parts.add(literalBytes(template.substring(last, m.start())));
            String n = m.group(1);
            switch (n) {
                case "index" -> parts.add((row, out) -> out.longValue(row + 1));
                case "row" -> parts.add((row, out) -> out.longValue(row));
                case "seed" -> parts.add((row, out) -> out.longValue(seed));
                default -> parts.add((row, out) -> {
                    // Another column of the same row, as it is written (read at write time: CHECK retries may replace it).
                    int mark = out.length();
                    b.insertGenerator(n).write(row, out);
                    if (out.length() - mark == 2 && out.buffer()[mark] == '\\' && out.buffer()[mark + 1] == 'N') out.truncate(mark, 0);
                });
            }
            last = m.end();
        }
        if (last < template.length()) parts.add(literalBytes(template.substring(last)));
        ColumnGenerator[] all = parts.toArray(ColumnGenerator[]::new);
        ColumnGenerator joined = (row, out) -> {
            for (ColumnGenerator p : all) p.write(row, out);
        };
        return c.type().kind().isText() ? Texts.fitted(joined, 0, b.maxChars(c)) : joined;
    }

    private static ColumnGenerator literalBytes(String text) {
        byte[] bytes = CopyTextWriter.escape(text);
        return (row, out) -> out.bytes(bytes);
    }

    // ---- choices, constants -------------------------------------------------------------------

    private ColumnGenerator choices(Column c, Choices choices, long salt, Segment s) {
        if (choices.values() == null || choices.values().isEmpty()) return refuse(c, s, "choices has no values");
        List<String> values = choices.values().stream().map(RenderedValue::literal).toList();
        if (values.contains(null)) return refuse(c, s, "choices holds a null value; use nullRate");
        long[] weights = null;
        if (choices.weights() != null && !choices.weights().isEmpty()) {
            if (choices.weights().size() != values.size()) return refuse(c, s, "choices has " + values.size() + " values but "
                    + choices.weights().size() + " weights");
            if (choices.weights().stream().anyMatch(w -> w == null || w < 0) || choices.weights().stream().mapToLong(Integer::longValue).sum() == 0) {
                return refuse(c, s, "choices weights must be non-negative with a positive sum");
            }
            weights = choices.weights().stream().mapToLong(Integer::longValue).toArray();
        }
        return new ChoiceColumn(values, weights, salt);
    }

    private ColumnGenerator constant(Column c, String value, Units u) {
        if (u != null) {
            try {
                long v = u.parse(value, true);
                return new LongColumn(row -> v, u.format(), u.scale());
            } catch (RuntimeException notInItsUnits) {
                // written as given; the type check reports it
            }
        }
        byte[] bytes = CopyTextWriter.escape(value);
        return (row, out) -> out.bytes(bytes);
    }

    // ---- ranges -------------------------------------------------------------------------------

    private ColumnGenerator range(Column c, Range r, Units u, long salt, Segment s) {
        if (u == null || u.format() == LongColumn.Format.BOOLEAN) return refuse(c, s, "range needs a numeric or temporal column, not " + c.type().sqlName());
        long lo;
        long hi;
        try {
            if (u.temporal()) {
                if (r.from() == null || r.to() == null) return refuse(c, s, "a date or time range needs from and to");
                lo = instant(r.from(), u, true);
                hi = instant(r.to(), u, false);
            } else {
                if (r.min() == null || r.max() == null) return refuse(c, s, "a numeric range needs min and max");
                lo = BigDecimal.valueOf(r.min()).movePointRight(u.scale()).setScale(0, RoundingMode.CEILING).longValueExact();
                hi = BigDecimal.valueOf(r.max()).movePointRight(u.scale()).setScale(0, RoundingMode.FLOOR).longValueExact();
            }
        } catch (RuntimeException e) {
            return refuse(c, s, "range " + describe(r) + " cannot be read: " + e.getMessage());
        }
        if (hi < lo) return refuse(c, s, "range " + describe(r) + " is empty");
        if (lo < u.min() || hi > u.max()) return refuse(c, s, "range " + describe(r) + " exceeds what " + c.type().sqlName() + " holds");
        long g = u.granularity();
        long steps = (hi - lo) / g + 1;
        final long from = lo;
        return new LongColumn(row -> from + g * Mix.below(Mix.at(salt, row), steps), u.format(), u.scale());
    }

    private static String describe(Range r) {
        return r.from() != null || r.to() != null ? r.from() + ".." + r.to() : r.min() + ".." + r.max();
    }

    /** {@code now}, an offset from the plan's anchor ({@code -30d}, {@code +2h}, {@code -1y}), or an ISO date or time, in the column's units. */
    private long instant(String text, Units u, boolean lower) {
        String t = text.trim();
        ZonedDateTime anchor = ZonedDateTime.ofInstant(java.time.Instant.EPOCH.plus(b.anchor(), java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC);
        ZonedDateTime at;
        if (t.equalsIgnoreCase("now")) {
            at = anchor;
        } else if (OFFSET.matcher(t).matches()) {
            Matcher m = OFFSET.matcher(t);
            m.matches();
            long n = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
            at = switch (m.group(3)) {
                case "y" -> anchor.plusYears(n);
                case "mo", "M" -> anchor.plusMonths(n);
                case "w" -> anchor.plusWeeks(n);
                case "d" -> anchor.plusDays(n);
                case "h" -> anchor.plusHours(n);
                case "m" -> anchor.plusMinutes(n);
                default -> anchor.plusSeconds(n);
            };
        } else if (t.length() == 10) {
            at = LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC);
        } else if (u.format() == LongColumn.Format.TIME) {
            return u.align(LocalTime.parse(t).toNanoOfDay() / 1000, lower);
        } else {
            String iso = t.replace(' ', 'T');
            at = iso.matches(".*([+-]\\d\\d:\\d\\d|Z)$") ? OffsetDateTime.parse(iso).atZoneSameInstant(ZoneOffset.UTC)
                    : LocalDateTime.parse(iso).atZone(ZoneOffset.UTC);
        }
        return switch (u.format()) {
            case DATE -> lower && !at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toEpochDay() + 1 : at.toLocalDate().toEpochDay();
            case TIME -> u.align(at.toLocalTime().toNanoOfDay() / 1000, lower);
            default -> u.align(at.toEpochSecond() * Units.SECOND + at.getNano() / 1000, lower);
        };
    }

    // ---- time series --------------------------------------------------------------------------

    private static final double MICROS_PER_HOUR = 3_600_000_000.0;
    /** 1970-01-05, the first Monday after the epoch: the weekly cycle rises through 0 at every Monday 00:00 UTC. */
    private static final long FIRST_MONDAY_MICROS = 4 * Units.MICROS_PER_DAY;

    /** Regular times: the rule's i-th row at start + i * step. */
    private ColumnGenerator every(Column c, Every e, Units u, Segment s) {
        if (u == null || !(u.format() == LongColumn.Format.DATE || u.format() == LongColumn.Format.TIMESTAMP
                || u.format() == LongColumn.Format.TIMESTAMPTZ)) {
            return refuse(c, s, "every needs a date or timestamp column, not " + c.type().sqlName());
        }
        Long seconds = e.stepSeconds().orElse(null);
        if (seconds == null) return refuse(c, s, "every: cannot read step '" + e.step() + "' (a positive number then s, m, h, d or w)");
        boolean days = u.format() == LongColumn.Format.DATE;
        if (days && seconds % 86_400 != 0) return refuse(c, s, "every: " + c.name() + " is a date; step must be whole days");
        long step = days ? seconds / 86_400 : seconds * Units.SECOND;
        long start;
        try {
            if (e.start() == null) return refuse(c, s, "every needs start");
            start = instant(e.start(), u, true);
        } catch (RuntimeException bad) {
            return refuse(c, s, "every: cannot read start '" + e.start() + "': " + bad.getMessage());
        }
        long first = s.from();
        long last = Math.min(s.to(), b.rows()) - 1;
        if (last >= first) {
            try {
                long end = Math.addExact(start, Math.multiplyExact(last - first, step));
                if (end > u.max()) throw new ArithmeticException();
            } catch (ArithmeticException tooFar) {
                return refuse(c, s, "every: " + (last - first + 1) + " rows of step " + e.step() + " from " + e.start() + " run past what "
                        + c.type().sqlName() + " holds");
            }
        }
        return new LongColumn(row -> start + (row - first) * step, u.format(), 0);
    }

    /**
     * A reading at its row's time (read from the time column, itself a pure function of the row), clamped
     * to what the column's type and CHECK bounds hold.
     */
    private ColumnGenerator series(Column c, Series sr, Units u, Segment s, int index) {
        if (u == null || u.temporal() || u.format() == LongColumn.Format.BOOLEAN) {
            return refuse(c, s, "series needs a numeric column, not " + c.type().sqlName());
        }
        Column time = sr.time() == null ? null : b.table().columns().stream().filter(x -> x.name().equals(sr.time())).findFirst().orElse(null);
        if (time == null) return refuse(c, s, "series: no time column '" + sr.time() + "' in " + b.table().name());
        Units tu = Units.of(time.type());
        if (tu == null || !(tu.format() == LongColumn.Format.DATE || tu.format() == LongColumn.Format.TIMESTAMP
                || tu.format() == LongColumn.Format.TIMESTAMPTZ)) {
            return refuse(c, s, "series: time column " + time.name() + " is " + time.type().sqlName() + ", not a date or timestamp");
        }
        LongColumn times = b.relatedLongColumn(time.name());
        if (times == null) return refuse(c, s, "series: the values of " + time.name() + " cannot be followed (give it an every or range rule)");
        long toMicros = tu.format() == LongColumn.Format.DATE ? Units.MICROS_PER_DAY : 1;
        long[] bounds = NumericValues.bounds(u, b.domain(c.name()));
        if (bounds[0] > bounds[1]) return refuse(c, s, "series: the CHECK constraints of " + c.name() + " leave no value");
        double lo = bounds[0];
        double hi = bounds[1];
        double scale = CopyTextWriter.POW10[u.scale()];
        long origin = times.value(s.from()) * toMicros;
        double base = sr.baseOr0();
        double trend = sr.trendOr0();
        double daily = sr.dailyOr0();
        double weekly = sr.weeklyOr0();
        double noise = sr.noiseOr0();
        double rate = sr.anomalyRateOr0();
        double spike = sr.anomalyScaleOrDefault() * (noise > 0 ? noise : 1);
        long noiseSalt = b.salt(c.name() + "#noise" + index);
        long anomalySalt = anomalySalt(b, c.name());
        return new LongColumn(row -> {
            long t = times.value(row) * toMicros;
            double v = base + trend * ((t - origin) / MICROS_PER_HOUR)
                    + daily * Math.sin(2 * Math.PI * Math.floorMod(t, Units.MICROS_PER_DAY) / Units.MICROS_PER_DAY)
                    + weekly * Math.sin(2 * Math.PI * Math.floorMod(t - FIRST_MONDAY_MICROS, 7 * Units.MICROS_PER_DAY) / (7.0 * Units.MICROS_PER_DAY));
            if (noise > 0) v += noise * gaussian(Mix.at(noiseSalt, row));
            long bits = Mix.at(anomalySalt, row);
            if (anomalous(bits, rate)) v += (bits & 1) == 0 ? spike : -spike;
            return (long) Math.max(lo, Math.min(hi, Math.rint(v * scale)));
        }, u.format(), u.scale());
    }

    /** The stream deciding which rows of a value column get an anomaly: shared by the column and its label. */
    private static long anomalySalt(TableGeneratorBuilder b, String valueColumn) {
        return b.salt(valueColumn + "#anomaly");
    }

    private static boolean anomalous(long bits, double rate) {
        return Mix.unit(Mix.mix(bits)) < rate;
    }

    /** A standard normal draw (Box-Muller) cut at {@link Series#NOISE_CUT} deviations, so anomalies stay apart from noise. */
    private static double gaussian(long bits) {
        double u1 = Math.max(Mix.unit(bits), 1e-12);
        double u2 = Mix.unit(Mix.mix(bits ^ 0x5DEECE66DL));
        double z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        return Math.max(-Series.NOISE_CUT, Math.min(Series.NOISE_CUT, z));
    }

    /**
     * True where the value column's series rule added an anomaly to a non-null value: the same draws, over
     * the same segments (the last holding a row wins), as the value column makes.
     */
    private ColumnGenerator anomaly(Column c, Anomaly a, Segment s) {
        if (c.type().kind() != TypeKind.BOOLEAN) return refuse(c, s, "anomaly needs a boolean column, not " + c.type().sqlName());
        List<Segment> segments = a.series() == null ? null : b.ruledSegments(a.series());
        if (segments == null || segments.stream().noneMatch(x -> x.rule().series() != null)) {
            return refuse(c, s, "anomaly: column " + a.series() + " has no series rule that applies");
        }
        int n = segments.size();
        long[] from = new long[n];
        long[] to = new long[n];
        double[] rates = new double[n];
        NullableColumn[] nulls = new NullableColumn[n];
        for (int i = 0; i < n; i++) {
            Segment v = segments.get(i);
            from[i] = v.from();
            to[i] = v.to();
            rates[i] = v.rule().series() == null ? -1 : v.rule().series().anomalyRateOr0();
            Double nullRate = v.rule().nullRate();
            // As TableGeneratorBuilder wraps the value column's rule: a NULL reading has no anomaly.
            nulls[i] = nullRate != null && nullRate > 0
                    ? new NullableColumn(null, b.salt(a.series() + "#ruleNull" + i), (int) Math.round(nullRate * 1000)) : null;
        }
        long anomalySalt = anomalySalt(b, a.series());
        return new LongColumn(row -> {
            for (int i = n - 1; i >= 0; i--) {
                if (row < from[i] || row >= to[i]) continue;
                if (rates[i] < 0 || nulls[i] != null && nulls[i].isNull(row)) return 0;
                return anomalous(Mix.at(anomalySalt, row), rates[i]) ? 1 : 0;
            }
            return 0;
        }, LongColumn.Format.BOOLEAN, 0);
    }

    // ---- type check ---------------------------------------------------------------------------

    /** The first of a sample of a segment's values its column's type cannot hold, or null. */
    static String typeViolation(Column c, ColumnGenerator g, long from, long to, int maxChars) {
        TypeKind kind = c.type().kind();
        Units u = Units.of(c.type());
        for (long row = from; row < Math.min(to, from + 200); row++) {
            String v = RenderedValue.of(g, row);
            if (v == null) continue;
            String why = violation(kind, u, c, v, maxChars);
            if (why != null) return "value '" + v + "' (row " + row + ") " + why;
        }
        return null;
    }

    private static String violation(TypeKind kind, Units u, Column c, String v, int maxChars) {
        try {
            if (kind.isText()) {
                return v.codePointCount(0, v.length()) > maxChars ? "is longer than " + maxChars + " characters" : null;
            }
            if (kind == TypeKind.ENUM) return c.type().enumLabels().contains(v) ? null : "is not a label of " + c.type().sqlName();
            if (kind == TypeKind.BOOLEAN) return List.of("t", "f", "true", "false").contains(v.toLowerCase(Locale.ROOT)) ? null : "is not a boolean";
            if (kind == TypeKind.UUID) {
                java.util.UUID.fromString(v);
                return null;
            }
            if (u == null) return null;
            if (u.format() == LongColumn.Format.INTEGER) {
                long n = new BigDecimal(v).longValueExact();
                return n < u.min() || n > u.max() ? "is out of range for " + c.type().sqlName() : null;
            }
            if (u.format() == LongColumn.Format.DECIMAL) {
                BigDecimal d = new BigDecimal(v);
                return d.abs().compareTo(BigDecimal.valueOf(u.max()).movePointLeft(u.scale())) > 0 ? "is out of range for " + c.type().sqlName() : null;
            }
            u.parse(v, true);
            return null;
        } catch (RuntimeException e) {
            return "is not a valid " + c.type().sqlName();
        }
    }
}
