package io.seedfleet.core.event;

import java.util.Map;

/**
 * A request for a dataset. {@code rows} gives counts per table; other root tables get
 * {@code defaultRows} and child tables {@code fanOut} times their largest parent. Without a seed,
 * one is chosen and reported. Without a run id, the coordinator assigns one. {@code edgeCaseRate}
 * is the share of eligible values that are edge cases (default 0.05; 0 disables them); {@code locales}
 * weighs the locales people are drawn from (en-US=60, ja-JP=40; absent for the default mix).
 * {@code definition} is a data definition whose volumes and rules the run follows: its YAML text, or
 * a reference to it ({@code file:} URI or {@code http(s)} URL); {@code scenario} is one of its
 * scenarios. Both optional.
 */
public record GenerationRequested(String runId, Target target, Map<String, Long> rows, Long defaultRows,
                                  Double fanOut, Long seed, Integer chunkRows, Double edgeCaseRate, Map<String, Integer> locales,
                                  String definition, String scenario) {

    public GenerationRequested(String runId, Target target, Map<String, Long> rows, Long defaultRows,
                               Double fanOut, Long seed, Integer chunkRows, Double edgeCaseRate, Map<String, Integer> locales) {
        this(runId, target, rows, defaultRows, fanOut, seed, chunkRows, edgeCaseRate, locales, null, null);
    }

    public Map<String, Integer> localeMix() {
        return locales == null ? Map.of() : locales;
    }


    /** The edge-case rate in values per thousand, as the planner takes it. */
    public int edgeCasesPerMille() {
        if (edgeCaseRate == null) return io.seedfleet.core.plan.GenerationPlan.DEFAULT_EDGE_CASES_PER_MILLE;
        if (edgeCaseRate < 0 || edgeCaseRate > 1) throw new IllegalArgumentException("edgeCaseRate must be between 0 and 1");
        return (int) Math.round(edgeCaseRate * 1000);
    }
}
