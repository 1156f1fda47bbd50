package io.seedfleet.core.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seedfleet.core.TestDatabases;
import io.seedfleet.core.generate.Dataset;
import io.seedfleet.core.plan.GenerationPlan;
import io.seedfleet.core.plan.Planner;
import io.seedfleet.core.plan.PlanningException;
import io.seedfleet.core.plan.RowCounts;
import io.seedfleet.core.run.LocalRun;
import io.seedfleet.core.schema.SchemaModel;
import io.seedfleet.core.sink.JdbcTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A table of sensor readings generated from series, every and anomaly rules, loaded into PostgreSQL
 * and checked in SQL against the documented formula: regular timestamps, a visible daily cycle and
 * trend, the anomaly rate, and labels on exactly the readings far from the seasonal expectation.
 */
class SeriesLoadTest {
    static final String DDL = """
            CREATE TABLE sensor_reading (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, sensor text NOT NULL,
                taken_at timestamptz NOT NULL, celsius numeric(6,2) NOT NULL, is_anomaly boolean NOT NULL);
            CREATE TABLE tank_level (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, measured_on timestamp NOT NULL,
                level numeric(4,1) NOT NULL CHECK (level BETWEEN 0 AND 100));
            """;
    static final String DEFINITION = """
            apiVersion: seedfleet.io/v1
            kind: DataDefinition
            metadata: {name: readings}
            spec:
              defaults: {edgeCaseRate: 0.05}
              tables:
                sensor_reading:
                  rows: 8640
                  fields:
                    taken_at: {every: {start: -30d, step: 5m}}
                    celsius:
                      series: {base: 20, trend: 0.01, daily: 5, weekly: 2, noise: 0.5, anomalyRate: 0.01, anomalyScale: 8, time: taken_at}
                    is_anomaly: {anomaly: {series: celsius}}
                tank_level:
                  rows: 500
                  fields:
                    measured_on: {every: {start: 2024-01-01, step: 1h}}
                    level: {series: {base: 90, daily: 20, time: measured_on}}
            """;
    private static final Instant NOW = Instant.EPOCH.plus(GenerationPlan.DEFAULT_ANCHOR, ChronoUnit.MICROS);
    /** The formula of DataDefinition.Series, in SQL, without noise and anomalies. */
    private static final String EXPECTED = "(20 + 0.01 * (extract(epoch FROM taken_at) - (SELECT extract(epoch FROM min(taken_at)) FROM sensor_reading)) / 3600"
            + " + 5 * sin(2 * pi() * mod(extract(epoch FROM taken_at)::numeric, 86400) / 86400)"
            + " + 2 * sin(2 * pi() * mod(extract(epoch FROM taken_at)::numeric - 4 * 86400, 604800) / 604800))";
    private static JdbcTarget target;

    static JdbcTarget load(String database, int chunkRows) throws Exception {
        JdbcTarget t = TestDatabases.create(database, DDL);
        SchemaModel schema = TestDatabases.introspect(t);
        DefinitionDocument doc = DefinitionReader.readDocuments("readings.yaml", DEFINITION).get(0);
        DefinitionChecker.requireValid(doc, schema);
        Rules rules = Rules.resolve(doc.definition(), null, schema);
        GenerationPlan plan = Planner.plan(schema, RowCounts.defaults(), 11, GenerationPlan.DEFAULT_ANCHOR, rules.edgeCasesPerMille(), rules.localeMix(), rules);
        LocalRun.execute(t, Dataset.of(plan), new LocalRun.Options(database, chunkRows, 2, false, p -> {}));
        return t;
    }

    @BeforeAll
    static void loadReadings() throws Exception {
        target = load("series_readings", 700);
    }

    @Test
    void timestampsAreRegularFromTheStart() throws Exception {
        assertThat(number("SELECT count(*) FROM sensor_reading")).isEqualTo(8640);
        assertThat(number("SELECT count(*) FROM (SELECT taken_at - lag(taken_at) OVER (ORDER BY id) AS gap FROM sensor_reading) g "
                + "WHERE gap IS NOT NULL AND gap <> interval '5 minutes'")).isZero();
        assertThat(number("SELECT extract(epoch FROM min(taken_at)) FROM sensor_reading")).isEqualTo(NOW.minus(30, ChronoUnit.DAYS).getEpochSecond());
        assertThat(number("SELECT count(*) FROM sensor_reading WHERE taken_at <> (SELECT min(taken_at) FROM sensor_reading) + (id - 1) * interval '5 minutes'"))
                .isZero();
    }

    @Test
    void theDailyCycleShowsInHourlyAverages() throws Exception {
        String hourly = "SELECT extract(hour FROM taken_at AT TIME ZONE 'UTC') AS h, avg(celsius) AS a FROM sensor_reading GROUP BY 1";
        // A 24 h sine peaking at 06:00 UTC: the 05:00 and 06:00 hours hold the peak, 17:00 and 18:00 the trough.
        assertThat(number("SELECT h FROM (" + hourly + ") x ORDER BY a DESC LIMIT 1")).isIn(5L, 6L);
        assertThat(number("SELECT h FROM (" + hourly + ") x ORDER BY a LIMIT 1")).isIn(17L, 18L);
        double swing = decimal("SELECT max(a) - min(a) FROM (" + hourly + ") x");
        assertThat(swing).as("peak-to-trough of hourly averages, about 2 * daily * 0.99").isBetween(9.3, 10.6);
        assertThat(decimal("SELECT corr(a, sin(2 * pi() * (h + 0.5) / 24)) FROM (" + hourly + ") x")).isGreaterThan(0.99);
    }

    @Test
    void theTrendIsTheRegressionSlope() throws Exception {
        String hours = "extract(epoch FROM taken_at) / 3600";
        assertThat(decimal("SELECT regr_slope(celsius, " + hours + ") FROM sensor_reading")).as("raw readings, cycles included").isBetween(0.0085, 0.0115);
        String deseasonalized = "celsius - 5 * sin(2 * pi() * mod(extract(epoch FROM taken_at)::numeric, 86400) / 86400)"
                + " - 2 * sin(2 * pi() * mod(extract(epoch FROM taken_at)::numeric - 4 * 86400, 604800) / 604800)";
        assertThat(decimal("SELECT regr_slope(" + deseasonalized + ", " + hours + ") FROM sensor_reading WHERE NOT is_anomaly"))
                .isBetween(0.0098, 0.0102);
    }

    @Test
    void anomaliesHaveTheirRateAndAreExactlyTheLabelledReadings() throws Exception {
        long anomalies = number("SELECT count(*) FROM sensor_reading WHERE is_anomaly");
        assertThat(anomalies / 8640.0).as("anomalyRate 0.01").isBetween(0.006, 0.014);
        // Noise is cut at 3 deviations (1.5); an anomaly moves a reading 8 deviations (4) up or down: at least 2.5 from the expectation.
        assertThat(number("SELECT count(*) FROM sensor_reading WHERE is_anomaly <> (abs(celsius - " + EXPECTED + ") > 2.0)")).isZero();
        assertThat(number("SELECT count(*) FROM sensor_reading WHERE NOT is_anomaly AND abs(celsius - " + EXPECTED + ") > 1.51")).isZero();
        assertThat(decimal("SELECT stddev(celsius - " + EXPECTED + ") FROM sensor_reading WHERE NOT is_anomaly")).as("noise 0.5").isBetween(0.45, 0.55);
        assertThat(number("SELECT count(*) FROM sensor_reading WHERE is_anomaly AND celsius > " + EXPECTED)).as("spikes go both ways")
                .isBetween(anomalies / 4, anomalies * 3 / 4);
    }

    @Test
    void valuesAreClampedToTheColumnsCheck() throws Exception {
        assertThat(decimal("SELECT max(level) FROM tank_level")).isEqualTo(100.0);
        assertThat(number("SELECT count(*) FROM tank_level WHERE level = 100")).as("the daily peaks above 100 are clamped").isGreaterThan(50);
        assertThat(decimal("SELECT min(level) FROM tank_level")).isBetween(69.0, 71.5);
        assertThat(number("SELECT count(*) FROM (SELECT measured_on - lag(measured_on) OVER (ORDER BY id) AS gap FROM tank_level) g "
                + "WHERE gap <> interval '1 hour'")).isZero();
    }

    @Test
    void anotherChunkSizeGivesTheSameReadings() throws Exception {
        JdbcTarget other = load("series_readings_again", 4001);
        String digest = "SELECT md5(string_agg(taken_at || ' ' || celsius || ' ' || is_anomaly, ',' ORDER BY id)) FROM sensor_reading";
        assertThat(text(other, digest)).isEqualTo(text(target, digest));
    }

    @Test
    void anAnomalyLabelWithoutASeriesIsAPlanProblem() throws Exception {
        SchemaModel schema = TestDatabases.introspect(target);
        String yaml = DEFINITION.replaceAll("(?m)^( *)series: \\{base: 20,.*$", "$1range: {min: 0, max: 1}");
        assertThat(yaml).doesNotContain("base: 20");
        DataDefinition d = DefinitionReader.read("no-series.yaml", yaml).get(0);
        GenerationPlan plan = Planner.plan(schema, new RowCounts(Map.of(), 10, 1.0), 1, GenerationPlan.DEFAULT_ANCHOR, 0, Map.of(),
                Rules.resolve(d, null, schema));
        assertThatThrownBy(() -> Dataset.of(plan)).isInstanceOfSatisfying(PlanningException.class, e -> assertThat(e.problems())
                .anyMatch(p -> "is_anomaly".equals(p.subject()) && p.message().contains("celsius has no series rule")));
    }

    private static long number(String sql) throws Exception {
        return Math.round(decimal(sql));
    }

    private static double decimal(String sql) throws Exception {
        try (Connection c = target.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static String text(JdbcTarget t, String sql) throws Exception {
        try (Connection c = t.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
