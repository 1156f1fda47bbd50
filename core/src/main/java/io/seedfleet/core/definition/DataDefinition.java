package io.seedfleet.core.definition;

import java.util.List;
import java.util.Map;

/**
 * A data definition: what a dataset should hold, kept as code next to the tests that use it. One
 * YAML document ({@code apiVersion: seedfleet.io/v1}, {@code kind: DataDefinition}); the same
 * definition, schema and seed always give the same dataset. Table keys are {@code schema.table}
 * or a bare table name that is unique across schemas; field keys are column names.
 */
public record DataDefinition(String apiVersion, String kind, Metadata metadata, Spec spec) {

    public static final String API_VERSION = "seedfleet.io/v1";
    public static final String KIND = "DataDefinition";

    public record Metadata(String name, String description) {}

    /**
     * {@code defaults}: volumes and mix for tables the definition does not size; {@code tables}: per-table
     * volumes and field rules; {@code traits}: named partial overrides scenarios apply;
     * {@code scenarios}: named focused datasets; {@code validations}: SQL assertions checked after loading;
     * {@code masking}: per table and column, how a copy of production data is masked.
     */
    public record Spec(Defaults defaults, Map<String, TableSpec> tables, Map<String, Trait> traits,
                       Map<String, Scenario> scenarios, List<Validation> validations,
                       Map<String, Map<String, MaskRule>> masking) {
        public Spec {
            tables = tables == null ? Map.of() : Map.copyOf(tables);
            traits = traits == null ? Map.of() : Map.copyOf(traits);
            scenarios = scenarios == null ? Map.of() : Map.copyOf(scenarios);
            validations = validations == null ? List.of() : List.copyOf(validations);
            masking = masking == null ? Map.of() : copyOfMasking(masking);
        }

        /** A spec without masking rules. */
        public Spec(Defaults defaults, Map<String, TableSpec> tables, Map<String, Trait> traits,
                    Map<String, Scenario> scenarios, List<Validation> validations) {
            this(defaults, tables, traits, scenarios, validations, null);
        }

        private static Map<String, Map<String, MaskRule>> copyOfMasking(Map<String, Map<String, MaskRule>> masking) {
            // A table key with no columns ("users:") stays, as an empty map, for the checker to report.
            Map<String, Map<String, MaskRule>> copy = new java.util.LinkedHashMap<>();
            masking.forEach((table, columns) -> copy.put(table, columns == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(columns))));
            return java.util.Collections.unmodifiableMap(copy);
        }
    }

    /**
     * How one column is masked: {@code method} is one of {@link #METHODS}; {@code params} its options
     * (e.g. {@code partial: {keepFirst: 2, keepLast: 4}}, {@code hash: {salt: ...}}, {@code generalize: {to: year}}).
     */
    public record MaskRule(String method, Map<String, Object> params) {
        /** keep the value, fake a realistic one, hash it, keep part of it, redact it, write NULL, format-preserving
         *  encryption, generalize (round or truncate), add noise, or a fake e-mail address. */
        public static final List<String> METHODS = List.of("keep", "fake", "hash", "partial", "redact", "null", "fpe",
                "generalize", "noise", "email");
    }

    /** {@code rows}: rows of each root table; {@code fanOut}: child rows per row of the largest parent; {@code locales}: tag to weight. */
    public record Defaults(Long rows, Double fanOut, Double edgeCaseRate, Map<String, Integer> locales, Long seed) {}

    /**
     * A table's volume, one of: {@code rows} exactly, or {@code perParent} rows for each row of a parent;
     * and the rules that override the inferred value of some of its columns.
     */
    public record TableSpec(Long rows, PerParent perParent, Map<String, FieldRule> fields) {
        public TableSpec {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }
    }

    /**
     * Rows per parent row: uniform within {@code min..max}, or log-normal with {@code mean} (and
     * optional {@code max}); {@code parent} names the parent table (default: the table's only
     * NOT NULL parent).
     */
    public record PerParent(String parent, Integer min, Integer max, Double mean, String distribution) {}

    /**
     * One column's rule. Exactly one of the value rules ({@code generator}, {@code template},
     * {@code choices}, {@code probability}, {@code range}, {@code sequence}, {@code constant},
     * {@code reference}, {@code sample}, {@code series}, {@code every}, {@code anomaly}) may be given;
     * {@code nullRate} and {@code locales} combine with any of them (or stand alone, over the inferred values).
     */
    public record FieldRule(String generator, Map<String, Object> params, String template, Choices choices,
                            Double probability, Range range, Sequence sequence, Object constant,
                            Reference reference, String sample, Double nullRate, Map<String, Integer> locales,
                            Series series, Every every, Anomaly anomaly) {

        /** A rule without the time-series value rules. */
        public FieldRule(String generator, Map<String, Object> params, String template, Choices choices,
                         Double probability, Range range, Sequence sequence, Object constant,
                         Reference reference, String sample, Double nullRate, Map<String, Integer> locales) {
            this(generator, params, template, choices, probability, range, sequence, constant, reference, sample, nullRate, locales,
                    null, null, null);
        }
    }

    /** Values and their relative weights (same length; weights default to equal). */
    public record Choices(List<Object> values, List<Integer> weights) {}

    /**
     * Numbers ({@code min}/{@code max}) or dates and times ({@code from}/{@code to}: an ISO date or
     * time, {@code now}, or an offset from the run's now such as {@code -30d}, {@code +2h}, {@code -1y}).
     */
    public record Range(Double min, Double max, String from, String to) {}

    public record Sequence(Long start, Long step) {}

    /**
     * A reading of a time series (numeric columns), at the time in column {@code time} of the same row:
     * {@code base + trend * hours since the first row's time + daily * sin(2 pi * hour of day (UTC) / 24)
     * + weekly * sin(2 pi * hours since Monday 00:00 UTC / 168) + noise}, the noise Gaussian with standard
     * deviation {@code noise} (cut at 3 deviations), and in a share {@code anomalyRate} of rows a spike of
     * {@code anomalyScale} times {@code noise} (times 1 when noise is 0), up or down. Only {@code time} is
     * required; the rest default to 0 ({@code anomalyScale} to 8).
     */
    public record Series(Double base, Double trend, Double daily, Double weekly, Double noise,
                         Double anomalyRate, Double anomalyScale, String time) {
        public static final double DEFAULT_ANOMALY_SCALE = 8;
        /** Noise is cut at this many standard deviations, so an anomaly larger than twice it always stands out. */
        public static final double NOISE_CUT = 3;

        public double baseOr0() { return base == null ? 0 : base; }
        public double trendOr0() { return trend == null ? 0 : trend; }
        public double dailyOr0() { return daily == null ? 0 : daily; }
        public double weeklyOr0() { return weekly == null ? 0 : weekly; }
        public double noiseOr0() { return noise == null ? 0 : noise; }
        public double anomalyRateOr0() { return anomalyRate == null ? 0 : anomalyRate; }
        public double anomalyScaleOrDefault() { return anomalyScale == null ? DEFAULT_ANOMALY_SCALE : anomalyScale; }
    }

    /**
     * Regular times: row i of the rule's rows at {@code start + i * step}. {@code start} is written as a
     * range's {@code from} ({@code -30d}, {@code now}, an ISO date or date-time); {@code step} is a positive
     * duration: a number then s, m (minutes), h, d or w ({@code 5m}, {@code 1h}).
     */
    public record Every(String start, String step) {
        /** The spellings of {@code step} (definition.schema.json's pattern): fixed-length units only, so rows stay evenly spaced. */
        public static final java.util.regex.Pattern STEP = java.util.regex.Pattern.compile("\\+?([0-9]{1,9})([smhdw])");

        /** The step in seconds, or empty when it is not a positive duration. */
        public java.util.Optional<Long> stepSeconds() {
            java.util.regex.Matcher m = step == null ? null : STEP.matcher(step);
            if (m == null || !m.matches()) return java.util.Optional.empty();
            long n = Long.parseLong(m.group(1));
            long unit = switch (m.group(2).charAt(0)) {
                case 's' -> 1;
                case 'm' -> 60;
                case 'h' -> 3_600;
                case 'd' -> 86_400;
                default -> 7 * 86_400L;
            };
            return n == 0 ? java.util.Optional.empty() : java.util.Optional.of(n * unit);
        }
    }

    /** A boolean column true in exactly the rows where the {@code series} rule of column {@code series} added an anomaly. */
    public record Anomaly(String series) {}

    /** A key of another table, chosen among the rows that match {@code where} (a column to value map). */
    public record Reference(String table, String column, Map<String, Object> where) {}

    /** Named overrides: field rules for one table, applied to the rows a scenario group gives the trait. */
    public record Trait(String table, Map<String, FieldRule> fields) {
        public Trait {
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }
    }

    /**
     * A focused dataset: exact row counts per table ({@code rows}), and groups that give a number of a
     * table's rows traits and field rules, in order (the first group's rows first).
     */
    public record Scenario(String description, Map<String, Long> rows, List<Group> groups) {
        public Scenario {
            rows = rows == null ? Map.of() : Map.copyOf(rows);
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    public record Group(String name, String table, long count, List<String> traits, Map<String, FieldRule> fields) {
        public Group {
            traits = traits == null ? List.of() : List.copyOf(traits);
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }
    }

    /** A query that must return zero rows (or a single 0) after loading, e.g. {@code SELECT * FROM users WHERE created_at > now()}. */
    public record Validation(String name, String sql) {}
}
