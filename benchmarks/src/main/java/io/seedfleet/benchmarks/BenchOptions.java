package io.seedfleet.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

/** The options the load and fleet benchmarks share: {@code --rows}, {@code --repeats}, {@code --naive-rows}, and their own in {@code rest}. */
record BenchOptions(long rows, int repeats, long naiveRows, Map<String, String> rest) {
    static BenchOptions parse(String[] args, long defaultRows) {
        long rows = defaultRows;
        int repeats = 3;
        Long naiveRows = null;
        Map<String, String> rest = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("expected --option value, got " + args[i]);
            String value = args[++i];
            switch (args[i - 1]) {
                case "--rows" -> rows = count(value);
                case "--repeats" -> repeats = Integer.parseInt(value);
                case "--naive-rows" -> naiveRows = count(value);
                default -> rest.put(args[i - 1].substring(2), value);
            }
        }
        // The naive loop makes ~30,000 rows/s: past a million rows it only makes the benchmark long.
        return new BenchOptions(rows, repeats, naiveRows != null ? naiveRows : Math.min(rows, 1_000_000), rest);
    }

    long count(String option, long fallback) {
        return rest.containsKey(option) ? count(rest.get(option)) : fallback;
    }

    private static long count(String text) {
        return Long.parseLong(text.replace("_", "").replace(",", ""));
    }
}
