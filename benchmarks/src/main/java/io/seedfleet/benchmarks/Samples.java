package io.seedfleet.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Repeated measurements by approach, reported as median and spread. Approaches are compared by
 * rows per second, so one measured on fewer rows (the slow naive loop) still compares fairly.
 */
final class Samples {
    private record Sample(double seconds, long rows) {}

    private final Map<String, List<Sample>> byApproach = new LinkedHashMap<>();

    /** Records one measurement and echoes it to stderr as it happens. */
    double add(String approach, double seconds, long rows) {
        byApproach.computeIfAbsent(approach, k -> new ArrayList<>()).add(new Sample(seconds, rows));
        System.err.printf(Locale.ROOT, "  %-60s %8.2f s  %,12.0f rows/s%n", approach, seconds, rows / seconds);
        return seconds;
    }

    double medianSeconds(String approach) {
        return median(byApproach.get(approach).stream().map(Sample::seconds).toList());
    }

    double medianRate(String approach) {
        return median(byApproach.get(approach).stream().map(s -> s.rows() / s.seconds()).toList());
    }

    /** Throughput of {@code approach} over that of {@code baseline}: above 1, it is faster. */
    double ratio(String approach, String baseline) {
        return medianRate(approach) / medianRate(baseline);
    }

    void printTable(PrintStream out) {
        out.println("| approach | rows | median s | min–max s | rows/s (median) | runs |");
        out.println("|---|---:|---:|---:|---:|---:|");
        byApproach.forEach((approach, samples) -> {
            List<Double> seconds = samples.stream().map(Sample::seconds).sorted().toList();
            out.printf(Locale.ROOT, "| %s | %,d | %.2f | %.2f–%.2f | %,.0f | %d |%n", approach, samples.get(0).rows(), median(seconds),
                    seconds.get(0), seconds.get(seconds.size() - 1), medianRate(approach), samples.size());
        });
    }

    static double median(List<Double> values) {
        List<Double> s = values.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }
}
